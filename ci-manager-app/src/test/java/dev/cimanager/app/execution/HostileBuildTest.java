package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile tenant's Dockerfile, run through the public API: its {@code RUN} steps (a static
 * busybox and a static C program, {@code src/test/resources/hostile/hostile.c}) try a chroot
 * breakout, read a canary file placed in the server's data directory, connect to every port the
 * server listens on and the registry's (on 127.0.0.1 and on the host's address on the build's
 * network), list processes and signal the server. Each attempt prints a {@code HOSTILE} line; the
 * build must succeed, the server stay healthy, and every attempt must have failed. Under the old
 * chroot isolation the breakout read the canary, the connects succeeded and the server's PID was
 * signalable.
 */
@IntegrationTest
class HostileBuildTest {

  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

  private static final Duration MAX_WAIT = Duration.ofMinutes(3);

  private static final String DOCKERFILE =
      """
      FROM scratch
      COPY busybox /bin/busybox
      COPY hostile /bin/hostile
      ARG SERVER_PID
      ARG PORTS
      ARG CANARY
      ARG DATA_DIR
      RUN ["/bin/hostile", "breakout"]
      RUN ["/bin/hostile", "read"]
      RUN ["/bin/hostile", "connect"]
      RUN ["/bin/hostile", "signal"]
      RUN ["/bin/busybox", "sh", "-c", "/bin/busybox ps -o pid,comm | /bin/busybox sed 's/^/HOSTILE ps: /'; \
      if /bin/busybox kill -0 $SERVER_PID; then echo 'HOSTILE busybox kill -0: SIGNALED'; \
      else echo 'HOSTILE busybox kill -0: failed'; fi; \
      /bin/busybox cat $CANARY 2>&1 | /bin/busybox sed 's/^/HOSTILE busybox cat: /'"]
      """;

  @TempDir static Path origin;

  @TempDir static Path compiled;

  private static ApiClient tenant;
  private static String canaryContent;
  private static Path canary;

  @BeforeAll
  static void hostileRepository() throws Exception {
    canaryContent = "CANARY-" + UUID.randomUUID();
    canary = APP.dataDir().resolve("canary.txt");
    Files.writeString(canary, canaryContent + "\n");
    // readable by anyone: only isolation, not file modes, may keep the build from it
    Files.setPosixFilePermissions(canary, PosixFilePermissions.fromString("rw-r--r--"));

    Path source = compiled.resolve("hostile.c");
    try (var in = HostileBuildTest.class.getResourceAsStream("/hostile/hostile.c")) {
      Files.write(source, in.readAllBytes());
    }
    Path binary = compiled.resolve("hostile");
    Process gcc =
        new ProcessBuilder("gcc", "-static", "-O1", "-o", binary.toString(), source.toString())
            .redirectErrorStream(true)
            .start();
    String gccOutput = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gcc.waitFor()).as("gcc -static (packages gcc, libc6-dev): " + gccOutput).isZero();

    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("Dockerfile", DOCKERFILE.getBytes(StandardCharsets.UTF_8));
    files.put("busybox", Files.readAllBytes(Path.of("/bin/busybox")));
    files.put("hostile", Files.readAllBytes(binary));
    BuildFixtures.commitFiles(origin, files);

    tenant = APP.newAccount();
    BuildFixtures.demoProject(tenant, REGISTRY.url(), origin.toUri());
  }

  @Test
  void hostileRunSteps_reachNothingOfTheServer_andTheBuildStillSucceeds() throws Exception {
    long serverPid = ProcessHandle.current().pid();
    Set<Integer> ports = new TreeSet<>(listeningPorts(serverPid));
    ports.add(URI.create(APP.baseUrl()).getPort());
    ports.add(URI.create(APP.adminUrl()).getPort());
    ports.add(REGISTRY.url().getPort());
    // API, admin, embedded MongoDB (in this process) and the registry at least
    assertThat(ports).hasSizeGreaterThanOrEqualTo(4);
    String portList = ports.stream().map(String::valueOf).collect(Collectors.joining(","));

    TestPipeline.buildAndPush("hostile")
        .name("Hostile")
        .repo("hostile/app")
        .tags("1")
        .buildArg("SERVER_PID", String.valueOf(serverPid))
        .buildArg("PORTS", portList)
        .buildArg("CANARY", canary.toString())
        .buildArg("DATA_DIR", APP.dataDir().toString())
        .save(tenant);
    String executionId = ExecutionFixtures.started(tenant, "hostile");
    JsonNode execution = ExecutionFixtures.awaitEnd(tenant, executionId, MAX_WAIT);
    String log = ExecutionFixtures.buildLog(tenant, executionId);

    assertThat(execution.get("status").asText()).as(execution + "\n" + log).isEqualTo("SUCCESS");
    List<String> hostile =
        Arrays.stream(log.split("\n")).filter(line -> line.startsWith("HOSTILE ")).toList();
    System.out.println(String.join("\n", hostile));
    assertThat(log).as(String.join("\n", hostile)).doesNotContain(canaryContent);
    assertThat(hostile)
        .as("every attempt printed its line")
        .anyMatch(l -> l.startsWith("HOSTILE breakout canary: failed"))
        .anyMatch(l -> l.startsWith("HOSTILE breakout data dir: failed"))
        .anyMatch(l -> l.startsWith("HOSTILE read canary: failed"))
        .anyMatch(l -> l.startsWith("HOSTILE read data dir: failed"))
        .anyMatch(l -> l.startsWith("HOSTILE kill -0 " + serverPid + ": failed"))
        .anyMatch(l -> l.equals("HOSTILE /proc/" + serverPid + ": failed (not visible)"))
        .anyMatch(l -> l.equals("HOSTILE busybox kill -0: failed"))
        .anyMatch(l -> l.startsWith("HOSTILE busybox cat: "));
    for (int port : ports) {
      assertThat(hostile)
          .contains("HOSTILE connect 127.0.0.1:" + port + ": failed (Connection refused)");
      // nor through the host's address on the build's network (the server binds loopback only)
      assertThat(hostile)
          .anyMatch(
              line -> line.matches("HOSTILE connect (?!127\\.)[0-9.]+:" + port + ": failed .*"));
    }
    assertThat(hostile)
        .as("nothing succeeded")
        .noneMatch(
            line ->
                line.contains("READ")
                    || line.contains("LISTED")
                    || line.contains("CONNECTED")
                    || line.contains("SIGNALED")
                    || line.contains("VISIBLE"));
    List<String> processes =
        hostile.stream().filter(line -> line.startsWith("HOSTILE ps: ")).toList();
    assertThat(processes)
        .as("only the build's own processes")
        .hasSizeBetween(2, 6)
        .noneMatch(
            line -> line.contains("java") || line.contains("buildah") || line.contains("registry"));

    // the server is alive and serving
    assertThat(ProcessHandle.current().isAlive()).isTrue();
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(APP.adminUrl() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(tenant.get("/api/v1/executions/" + executionId).status()).isEqualTo(200);
    assertThat(Files.readString(canary)).isEqualTo(canaryContent + "\n");
  }

  /**
   * The TCP ports {@code pid} listens on, from /proc/net/tcp{,6} and its socket file descriptors.
   */
  private static Set<Integer> listeningPorts(long pid) throws IOException {
    Set<String> inodes = new TreeSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring("socket:[".length(), target.length() - 1));
              }
            } catch (IOException ignored) {
              // closed meanwhile
            }
          });
    }
    Set<Integer> ports = new TreeSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> rows = Files.readAllLines(file);
      for (String line : rows.subList(Math.min(1, rows.size()), rows.size())) {
        String[] fields = line.trim().split("\\s+");
        // fields: sl local_address rem_address st ... inode (index 9); st 0A = LISTEN
        if (fields.length > 9 && fields[3].equals("0A") && inodes.contains(fields[9])) {
          String local = fields[1];
          ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}
