package dev.cimanager.app.execution.tools;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command with a timeout, copying its merged stdout/stderr into a {@link StepLog}
 * line by line. A non-zero exit or a timeout becomes a {@link StepFailedException} naming the
 * action and quoting the command's last log lines.
 *
 * <p>A child starts with a cleared environment plus {@link #INHERITED_VARIABLES}: the server's own
 * environment holds its admin token and master key ({@code CI_MANAGER_*}), which no build tool
 * needs and a Dockerfile's {@code RUN} could otherwise print.
 */
final class CommandRunner {

  static final int TAIL_LINES = 15;

  /**
   * How many of its last output lines a command's result keeps (its log keeps them all, up to its
   * limit).
   */
  static final int OUTPUT_LINES = 200;

  /**
   * What buildah and skopeo need from the server's environment: where programs and home are, temp
   * files, the locale, the rootless runtime directory, and a custom CA bundle for registries with
   * private TLS.
   */
  static final Set<String> INHERITED_VARIABLES =
      Set.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "TMPDIR",
          "LANG",
          "LC_ALL",
          "XDG_RUNTIME_DIR",
          "SSL_CERT_FILE",
          "SSL_CERT_DIR");

  private final Duration timeout;

  CommandRunner(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * @param action what the command does, for messages: "build the image", "push ..."
   * @return the last {@link #OUTPUT_LINES} lines the command printed (already masked)
   */
  List<String> run(
      String action, List<String> command, Path workingDir, Map<String, String> env, StepLog log) {
    return run(action, command, command, workingDir, env, log);
  }

  /**
   * @param shown the command as the log shows it ({@code command} may wrap it, e.g. in a time
   *     limit)
   */
  List<String> run(
      String action,
      List<String> command,
      List<String> shown,
      Path workingDir,
      Map<String, String> env,
      StepLog log) {
    log.append("$ " + String.join(" ", shown));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    Map<String, String> child = childEnvironment(System.getenv(), env);
    environment.clear();
    environment.putAll(child);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new StepFailedException(
          "tried to " + action + " but could not start " + shown.get(0) + ": " + e.getMessage(), e);
    }
    Deque<String> output = new ArrayDeque<>();
    Thread reader = new Thread(() -> copyLines(process, log, output), "step-log-" + shown.get(0));
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        reader.join(TimeUnit.SECONDS.toMillis(5));
        throw new StepFailedException(
            "tried to "
                + action
                + " but it did not finish within "
                + (timeout.toSeconds() >= 1
                    ? timeout.toSeconds() + " s"
                    : timeout.toMillis() + " ms")
                + tail(log));
      }
      reader.join();
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StepFailedException("tried to " + action + " but the step was interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new StepFailedException(
          "tried to "
              + action
              + " but "
              + shown.get(0)
              + " exited with "
              + process.exitValue()
              + tail(log));
    }
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** The allowlisted variables of {@code parent}, then {@code extra} (which wins). */
  static Map<String, String> childEnvironment(
      Map<String, String> parent, Map<String, String> extra) {
    Map<String, String> child = new TreeMap<>();
    parent.forEach(
        (name, value) -> {
          if (INHERITED_VARIABLES.contains(name)) {
            child.put(name, value);
          }
        });
    child.putAll(extra);
    return child;
  }

  private static void copyLines(Process process, StepLog log, Deque<String> output) {
    try (Reader reader = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      BoundedLineReader lines = new BoundedLineReader(reader, StepLog.MAX_LINE_CHARS);
      String line;
      while ((line = lines.readLine()) != null) {
        String kept = log.append(line);
        synchronized (output) {
          output.addLast(kept);
          if (output.size() > OUTPUT_LINES) {
            output.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      log.append("(log stream closed: " + e.getMessage() + ")");
    }
  }

  private static String tail(StepLog log) {
    List<String> lines = new ArrayList<>(log.tail(TAIL_LINES));
    return lines.isEmpty() ? "" : "; last log lines:\n" + String.join("\n", lines);
  }
}
