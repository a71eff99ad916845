package dev.cimanager.app.execution.tools;

import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What isolating {@code RUN} steps costs a small build: the same build (FROM scratch, a static
 * busybox, one {@code RUN}, push to a loopback {@code docker-registry}) under the old chroot
 * isolation and under {@link BuildIsolation#NAMESPACES}, alternated so both see the same machine
 * load; prints p50, min and max of each. The chroot flags exist only here, for the comparison. Not
 * a test: {@code ./scripts/bench.sh isolation} (figures in docs/PERFORMANCE.md); argument: builds
 * per side (default 10), after one warm-up build each.
 */
public final class IsolationBenchmark {

  private static final String DOCKERFILE =
      """
      FROM scratch
      COPY busybox /bin/busybox
      RUN ["/bin/busybox", "sh", "-c", "echo built > /built.txt"]
      """;

  private IsolationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int builds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    // rwx--x--x: the isolated build's uids must traverse it to reach their bundle under the data
    // dir
    Path work =
        Files.createTempDirectory(
            "isolation-bench-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    try (LocalRegistry registry = LocalRegistry.start()) {
      Path workspace = Files.createDirectories(work.resolve("workspace"));
      Files.writeString(workspace.resolve("Dockerfile"), DOCKERFILE);
      Files.copy(Path.of("/bin/busybox"), workspace.resolve("busybox"));
      BuildIsolation chroot = new BuildIsolation(List.of("--isolation", "chroot"));
      BuildahBuilder chrootBuilder =
          new BuildahBuilder(
              work.resolve("data-chroot"),
              Set.of(registry.hostPort()),
              Duration.ofMinutes(5),
              chroot);
      BuildahBuilder isolatedBuilder =
          new BuildahBuilder(
              work.resolve("data-isolated"),
              Set.of(registry.hostPort()),
              Duration.ofMinutes(5),
              BuildIsolation.NAMESPACES);
      List<Long> chrootMillis = new ArrayList<>();
      List<Long> isolatedMillis = new ArrayList<>();
      for (int i = -1; i < builds; i++) {
        long c = timeBuild(chrootBuilder, workspace, registry, "bench/chroot", i);
        long n = timeBuild(isolatedBuilder, workspace, registry, "bench/isolated", i);
        if (i >= 0) {
          chrootMillis.add(c);
          isolatedMillis.add(n);
        }
      }
      System.out.printf(
          "small build (FROM scratch + COPY + 1 RUN + push), %d builds each, alternated:%n",
          builds);
      print("chroot isolation (before)", chrootMillis);
      print("oci/runc, own user+mount+pid+ipc+uts+cgroup+net namespaces", isolatedMillis);
    } finally {
      deleteRecursively(work);
    }
  }

  private static long timeBuild(
      BuildahBuilder builder,
      Path workspace,
      LocalRegistry registry,
      String repository,
      int index) {
    ImageBuild build =
        new ImageBuild(
            workspace,
            "Dockerfile",
            ".",
            registry.hostPort(),
            repository,
            List.of("run" + (index + 1)),
            Map.of(),
            Map.of(),
            null,
            Instant.EPOCH);
    StepLog log = new StepLog(line -> line);
    long start = System.nanoTime();
    try {
      builder.buildAndPush(build, log);
    } catch (RuntimeException e) {
      System.err.println(log.text());
      throw e;
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void print(String label, List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    long p50 =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    System.out.printf(
        "  %-62s p50 %5d ms   min %5d ms   max %5d ms%n",
        label, p50, sorted.get(0), sorted.get(sorted.size() - 1));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
