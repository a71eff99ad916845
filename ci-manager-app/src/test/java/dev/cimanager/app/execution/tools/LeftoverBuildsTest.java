package dev.cimanager.app.execution.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a dead server left behind: {@link LeftoverBuilds} stops this data directory's (and only
 * its) buildah processes and containers, and {@link BuildTimeLimit} ends a build and its container
 * on its own. Real buildah and runc; the build sleeps in a {@code RUN} of a static busybox.
 */
@IntegrationTest
class LeftoverBuildsTest {

  private static final String SLEEPING =
      """
      FROM scratch
      COPY busybox /bin/busybox
      RUN ["/bin/busybox", "sleep", "600"]
      """;

  @RegisterExtension static final TestApp APP = new TestApp();

  @TempDir Path dataDirA;

  @TempDir Path dataDirB;

  @TempDir Path workspaceA;

  @TempDir Path workspaceB;

  @Test
  void stopAll_stopsThisDataDirsBuildsAndContainers_notAnotherInstances() throws Exception {
    CompletableFuture<Void> buildA = sleepingBuild(dataDirA, workspaceA);
    CompletableFuture<Void> buildB = sleepingBuild(dataDirB, workspaceB);
    long containerA = awaitContainer(dataDirA);
    long containerB = awaitContainer(dataDirB);

    new LeftoverBuilds(dataDirA).stopAll();

    assertThat(LeftoverBuilds.running(containerA)).isFalse();
    assertThat(processesNaming(dataDirA)).isEmpty();
    assertThat(buildDirs(dataDirA)).isEmpty();
    assertThat(buildA).failsWithin(Duration.ofSeconds(30));
    // the other data directory's build runs on
    assertThat(LeftoverBuilds.running(containerB)).isTrue();
    assertThat(processesNaming(dataDirB)).isNotEmpty();
    assertThat(buildB).isNotDone();

    new LeftoverBuilds(dataDirB).stopAll();

    assertThat(buildB).failsWithin(Duration.ofSeconds(30));
    assertThat(LeftoverBuilds.running(containerB)).isFalse();
    assertThat(processesNaming(dataDirB)).isEmpty();
  }

  @Test
  void serverStart_stopsTheBuildsLeftInItsDataDirectory() throws Exception {
    // a build of the server's data directory the running server does not know: as a dead process
    // left it
    CompletableFuture<Void> leftover = sleepingBuild(APP.dataDir(), workspaceA);
    long container = awaitContainer(APP.dataDir());

    APP.restart();

    assertThat(LeftoverBuilds.running(container)).isFalse();
    assertThat(processesNaming(APP.dataDir())).isEmpty();
    assertThat(buildDirs(APP.dataDir())).isEmpty();
    assertThat(leftover).failsWithin(Duration.ofSeconds(30));
  }

  @Test
  void build_underADataDirOthersCannotTraverse_failsNamingTheDirectory() throws Exception {
    Path parent = Files.createDirectories(dataDirA.resolve("closed"));
    Files.setPosixFilePermissions(
        parent, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    writeSource(workspaceA);
    BuildahBuilder builder =
        new BuildahBuilder(parent.resolve("data"), Set.of(), Duration.ofMinutes(1));
    ImageBuild build =
        new ImageBuild(
            workspaceA,
            "Dockerfile",
            ".",
            "127.0.0.1:1",
            "closed/app",
            List.of("1"),
            Map.of(),
            Map.of(),
            null,
            Instant.EPOCH);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> builder.buildAndPush(build, new StepLog(line -> line)))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith(
            "tried to build but the directory "
                + parent
                + " above the data directory is not"
                + " searchable by others (mode o+x)");
  }

  @Test
  void timeLimit_endsTheBuildAndItsContainer_withoutTheServer() throws Exception {
    writeSource(workspaceA);
    BuildahPaths paths = BuildahPaths.under(dataDirA);
    paths.prepare();
    Path buildDir =
        Files.createDirectories(paths.tmp().resolve(BuildahPaths.BUILD_DIR_PREFIX + "limit"));
    Path runcRoot = BuildahBuilder.runcRoot(buildDir);
    List<String> bud =
        new ArrayList<>(
            List.of(
                "buildah",
                "--storage-driver",
                "vfs",
                "--root",
                paths.root().toString(),
                "--runroot",
                paths.runRoot().toString(),
                "bud"));
    bud.addAll(BuildIsolation.NAMESPACES.flags());
    bud.addAll(
        List.of(
            "--runtime-flag", "root=" + runcRoot, "-t", "localhost/limit", workspaceA.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(BuildTimeLimit.wrap(bud, Duration.ofSeconds(4), runcRoot))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("TMPDIR", buildDir.toString());
    // started and then left alone, as by a server that died
    Process detached = builder.start();
    long container = awaitContainer(dataDirA);

    assertThat(detached.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(detached.exitValue()).isEqualTo(137);
    assertThat(LeftoverBuilds.running(container)).isFalse();
    try (Stream<Path> states = Files.list(runcRoot)) {
      assertThat(states).isEmpty();
    }
    new LeftoverBuilds(dataDirA).stopAll();
  }

  private CompletableFuture<Void> sleepingBuild(Path dataDir, Path workspace) throws IOException {
    writeSource(workspace);
    BuildahBuilder builder = new BuildahBuilder(dataDir, Set.of(), Duration.ofMinutes(10));
    ImageBuild build =
        new ImageBuild(
            workspace,
            "Dockerfile",
            ".",
            "127.0.0.1:1",
            "sleeping/app",
            List.of("1"),
            Map.of(),
            Map.of(),
            null,
            Instant.EPOCH);
    return CompletableFuture.runAsync(() -> builder.buildAndPush(build, new StepLog(line -> line)));
  }

  private static void writeSource(Path workspace) throws IOException {
    Files.writeString(workspace.resolve("Dockerfile"), SLEEPING);
    Files.copy(Path.of("/bin/busybox"), workspace.resolve("busybox"));
  }

  /** Waits for the build's container and returns its init's host PID. */
  private static long awaitContainer(Path dataDir) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      for (Path buildDir : buildDirs(dataDir)) {
        Path runc = BuildahBuilder.runcRoot(buildDir);
        if (!Files.isDirectory(runc)) {
          continue;
        }
        try (Stream<Path> states = Files.walk(runc, 2)) {
          for (Path state :
              states.filter(p -> p.getFileName().toString().equals("state.json")).toList()) {
            String json = Files.readString(state);
            var matcher =
                java.util.regex.Pattern.compile("\"init_process_pid\":(\\d+)").matcher(json);
            if (matcher.find()) {
              long pid = Long.parseLong(matcher.group(1));
              if (ProcessHandle.of(pid)
                  .flatMap(p -> p.info().commandLine())
                  .map(line -> line.contains("sleep"))
                  .orElse(false)) {
                return pid;
              }
            }
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no running build container under " + dataDir);
  }

  private static List<Path> buildDirs(Path dataDir) throws IOException {
    Path tmp = BuildahPaths.under(dataDir).tmp();
    if (!Files.isDirectory(tmp)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(tmp)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith(BuildahPaths.BUILD_DIR_PREFIX))
          .toList();
    }
  }

  private static List<ProcessHandle> processesNaming(Path dataDir) {
    String root = BuildahPaths.under(dataDir).root().toString();
    return ProcessHandle.allProcesses()
        .filter(p -> LeftoverBuilds.running(p.pid()))
        .filter(p -> p.info().arguments().map(args -> List.of(args).contains(root)).orElse(false))
        .toList();
  }
}
