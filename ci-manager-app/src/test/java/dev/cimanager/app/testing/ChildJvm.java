package dev.cimanager.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java main class of the test classpath in a process of its own (its output in a log file), so a
 * test can SIGKILL it like a lost machine.
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * @param jvmOptions e.g. {@code -Xmx256m}, {@code -Ddw.execution.workers=2}
   */
  public static ChildJvm start(
      Class<?> main,
      List<String> jvmOptions,
      List<String> args,
      Map<String, String> env,
      Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // the settings a test gives, not those of the shell that started the build
    builder.environment().keySet().removeIf(name -> name.startsWith("CI_MANAGER_"));
    builder.environment().putAll(env);
    try {
      return new ChildJvm(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the log has a line matching {@code pattern}; returns its first group. */
  public String awaitLogLine(Pattern pattern, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> found = firstMatch(pattern);
      if (found.isPresent()) {
        return found.get();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the process ended (exit " + process.exitValue() + "); log " + log + ":\n" + tail());
      }
      ExecutionFixtures.sleep(Duration.ofMillis(100));
    }
    throw new IllegalStateException(
        "no line matching " + pattern + " within " + maxWait + "; log " + log + ":\n" + tail());
  }

  private Optional<String> firstMatch(Pattern pattern) {
    for (String line : lines()) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return Optional.of(matcher.groupCount() > 0 ? matcher.group(1) : line);
      }
    }
    return Optional.empty();
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      return List.of();
    }
  }

  public String tail() {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL to the process and everything it started, as when its machine is lost. */
  public void kill9() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then SIGKILL after {@code grace}. */
  public void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        kill9();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill9();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop(Duration.ofSeconds(20));
    }
  }
}
