package dev.cimanager.app.execution.tools;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the builds a previous process of this data directory left behind (a crash or {@code kill
 * -9} does not end its {@code buildah} children, and their containers run on in their own session):
 * at start-up, before any build of this process starts, it kills every process whose command line
 * names this data directory's buildah storage (the time-limit shell, {@code timeout}, {@code
 * buildah}) with their descendants, force-deletes the containers in each leftover build directory's
 * runc state, removes buildah's working containers and unpushed build images, and deletes the build
 * directories. Other instances' builds (other data directories) are not touched.
 */
public final class LeftoverBuilds implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverBuilds.class);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

  private final BuildahPaths paths;
  private final CommandRunner runner = new CommandRunner(COMMAND_TIMEOUT);

  public LeftoverBuilds(Path dataDir) {
    this.paths = BuildahPaths.under(dataDir);
  }

  @Override
  public void start() {
    stopAll();
  }

  /**
   * Stops and removes every leftover build of this data directory; failures are logged, not thrown.
   */
  public void stopAll() {
    int killed = killProcesses();
    List<Path> buildDirs = buildDirs();
    for (Path buildDir : buildDirs) {
      deleteContainers(BuildahBuilder.runcRoot(buildDir));
      deleteRecursively(buildDir);
    }
    if (Files.isDirectory(paths.root())) {
      removeWorkingContainersAndImages();
    }
    if (killed > 0 || !buildDirs.isEmpty()) {
      LOG.warn(
          "stopped {} leftover build processes and removed {} build directories of a previous process",
          killed,
          buildDirs.size());
    }
  }

  private int killProcesses() {
    String storageRoot = paths.root().toString();
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> leftovers =
        ProcessHandle.allProcesses()
            .filter(process -> process.pid() != self && running(process.pid()))
            .filter(
                process ->
                    process
                        .info()
                        .arguments()
                        .map(args -> List.of(args).contains(storageRoot))
                        .orElse(false))
            .toList();
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle process : leftovers) {
      all.add(process);
      process.descendants().forEach(all::add);
    }
    all.forEach(ProcessHandle::destroyForcibly);
    Instant deadline = Instant.now().plus(EXIT_WAIT);
    while (all.stream().anyMatch(process -> running(process.pid()))) {
      if (Instant.now().isAfter(deadline)) {
        LOG.warn("leftover build processes did not exit within {} s", EXIT_WAIT.toSeconds());
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return all.size();
  }

  /**
   * Whether {@code pid} still runs. Not {@link ProcessHandle#isAlive()}: a killed process whose
   * parent is gone stays a zombie until PID 1 reaps it, which some container inits do late.
   */
  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private List<Path> buildDirs() {
    if (!Files.isDirectory(paths.tmp())) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(paths.tmp())) {
      return children
          .filter(child -> child.getFileName().toString().startsWith(BuildahPaths.BUILD_DIR_PREFIX))
          .filter(Files::isDirectory)
          .toList();
    } catch (IOException e) {
      LOG.warn("could not list leftover build directories in {}", paths.tmp(), e);
      return List.of();
    }
  }

  private void deleteContainers(Path runcRoot) {
    if (!Files.isDirectory(runcRoot)) {
      return;
    }
    for (String id :
        quietly(
            "list leftover containers",
            List.of("runc", "--root", runcRoot.toString(), "list", "--quiet"))) {
      if (!id.isBlank()) {
        quietly(
            "delete leftover container " + id,
            List.of("runc", "--root", runcRoot.toString(), "delete", "--force", id.strip()));
      }
    }
  }

  private void removeWorkingContainersAndImages() {
    quietly("remove leftover working containers", buildah("rm", "--all"));
    for (String image :
        quietly("list images", buildah("images", "--noheading", "--format", "{{.Name}}"))) {
      if (image.strip().startsWith(BuildahBuilder.LOCAL_IMAGE_PREFIX)) {
        quietly("remove leftover image " + image.strip(), buildah("rmi", "-f", image.strip()));
      }
    }
  }

  private List<String> buildah(String... subcommand) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "buildah",
                "--storage-driver",
                "vfs",
                "--root",
                paths.root().toString(),
                "--runroot",
                paths.runRoot().toString()));
    command.addAll(List.of(subcommand));
    return command;
  }

  /** The command's output lines, or none (and a warning) when it fails. */
  private List<String> quietly(String action, List<String> command) {
    try {
      return runner.run(
          action,
          command,
          Path.of("."),
          Map.of("TMPDIR", paths.tmp().toString()),
          new StepLog(line -> line));
    } catch (StepFailedException e) {
      LOG.warn("at start-up, {}", e.getMessage());
      return List.of();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete the leftover build directory {}", dir, e);
    }
  }
}
