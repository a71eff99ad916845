package dev.cimanager.app.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real buildah (vfs, chroot, FROM scratch: offline) pushing to real docker-registry processes. */
class BuildahBuilderTest {

  private static final Instant COMMIT_TIME = Instant.parse("2024-03-01T10:00:00Z");
  private static final String USER = "ci";
  private static final String PASSWORD = "s3cret-pw";

  @TempDir
  static Path dataDir;

  private static LocalRegistry registry;
  private static LocalRegistry authRegistry;
  private static BuildahBuilder builder;

  @TempDir
  Path workspace;

  private final StepLog log = new StepLog(line -> line.replace("hunter2", "**************"));

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
    authRegistry = LocalRegistry.withBasicAuth(USER, PASSWORD);
    builder = new BuildahBuilder(dataDir, Set.of(registry.hostPort(), authRegistry.hostPort()),
        Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    registry.close();
    authRegistry.close();
  }

  private ImageBuild build(Path workspace, LocalRegistry target, String repository, List<String> tags,
      Credentials credentials) {
    return new ImageBuild(workspace, "Dockerfile", ".", target.hostPort(), repository, tags,
        Map.of("TOKEN", "hunter2"), Map.of("org.opencontainers.image.title", "app"), credentials, COMMIT_TIME);
  }

  private static void writeSource(Path dir, String dockerfile) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    Files.writeString(dir.resolve("hello.txt"), "hello\n");
  }

  private static final String DOCKERFILE = """
      FROM scratch
      ARG TOKEN
      COPY hello.txt /hello.txt
      """;

  @Test
  void buildAndPush_everyTagServesThePushedDigest_andRebuildIsIdentical() throws Exception {
    writeSource(workspace, DOCKERFILE);

    PushedImage pushed = builder.buildAndPush(build(workspace, registry, "demo/app", List.of("1.0", "7"), null), log);

    assertThat(pushed.image()).isEqualTo(registry.hostPort() + "/demo/app");
    assertThat(pushed.tags()).containsExactly("1.0", "7");
    assertThat(pushed.digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(pushed.builderVersion()).matches("\\d+\\.\\d+.*").isEqualTo(builder.version());
    assertThat(pushed.baseImages()).isEmpty();
    assertThat(registryDigest(pushed.image() + ":1.0", null)).isEqualTo(pushed.digest());
    assertThat(registryDigest(pushed.image() + ":7", null)).isEqualTo(pushed.digest());
    assertThat(manifestMediaType(pushed.image() + ":7")).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(localImages()).doesNotContain("cimanager-build");
    assertThat(log.text()).contains("--build-arg TOKEN=**************").doesNotContain("hunter2");

    // a second checkout of the same commit: other file times, same commit time
    Path secondCheckout = workspace.resolveSibling(workspace.getFileName() + "-again");
    writeSource(secondCheckout, DOCKERFILE);
    Files.setLastModifiedTime(secondCheckout.resolve("hello.txt"), FileTime.from(Instant.now()));
    PushedImage again = builder.buildAndPush(
        build(secondCheckout, registry, "demo/again", List.of("1"), null), new StepLog(line -> line));

    assertThat(again.digest()).isEqualTo(pushed.digest());
  }

  @Test
  void buildAndPush_basicAuthRegistry_rightCredentials() throws Exception {
    writeSource(workspace, DOCKERFILE);

    PushedImage pushed = builder.buildAndPush(
        build(workspace, authRegistry, "demo/private", List.of("1"), new Credentials(USER, PASSWORD)), log);

    assertThat(registryDigest(pushed.image() + ":1", USER + ":" + PASSWORD)).isEqualTo(pushed.digest());
    assertThat(log.text()).doesNotContain(PASSWORD);
  }

  @Test
  void buildAndPush_basicAuthRegistry_wrongCredentials() throws Exception {
    writeSource(workspace, DOCKERFILE);
    ImageBuild wrong = build(workspace, authRegistry, "demo/private", List.of("1"), new Credentials(USER, "nope"));

    assertThatThrownBy(() -> builder.buildAndPush(wrong, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("tried to push " + authRegistry.hostPort() + "/demo/private:1 but buildah exited with")
        .hasMessageContaining("unauthorized");
    assertThat(localImages()).doesNotContain("cimanager-build");
  }

  @Test
  void buildAndPush_brokenDockerfile() throws Exception {
    writeSource(workspace, "FROM scratch\nCOPY missing.txt /missing.txt\n");

    assertThatThrownBy(() -> builder.buildAndPush(build(workspace, registry, "demo/broken", List.of("1"), null), log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("tried to build " + registry.hostPort() + "/demo/broken but buildah exited with")
        .hasMessageContaining("missing.txt");
  }

  @Test
  void buildAndPush_missingDockerfile() {
    ImageBuild noDockerfile = build(workspace, registry, "demo/app", List.of("1"), null);

    assertThatThrownBy(() -> builder.buildAndPush(noDockerfile, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessage("tried to build " + registry.hostPort()
            + "/demo/app but the Dockerfile 'Dockerfile' does not exist in the workspace");
  }

  @Test
  void buildAndPush_baseImageResolvedToTheRegistryDigest() throws Exception {
    Path baseSource = workspace.resolve("base");
    writeSource(baseSource, DOCKERFILE);
    PushedImage base = builder.buildAndPush(build(baseSource, registry, "demo/base", List.of("1"), null), log);
    Path appSource = workspace.resolve("app");
    String baseRef = registry.hostPort() + "/demo/base:1";
    writeSource(appSource, "FROM " + baseRef + " AS base\nFROM base\nCOPY hello.txt /app.txt\n");

    PushedImage app = builder.buildAndPush(build(appSource, registry, "demo/derived", List.of("1"), null), log);

    assertThat(app.baseImages()).containsExactly(new PushedImage.BaseImage(baseRef, base.digest()));
  }

  private static String registryDigest(String image, String creds) throws Exception {
    List<String> command = new ArrayList<>(List.of("skopeo", "inspect", "--tls-verify=false",
        "--format", "{{.Digest}}"));
    if (creds != null) {
      command.addAll(List.of("--creds", creds));
    }
    command.add("docker://" + image);
    return run(command).trim();
  }

  private static String manifestMediaType(String image) throws Exception {
    String manifest = run(List.of("skopeo", "inspect", "--raw", "--tls-verify=false", "docker://" + image));
    return manifest.replaceAll("(?s).*\"mediaType\"\\s*:\\s*\"([^\"]+)\".*?\"config\".*", "$1");
  }

  private static String localImages() throws Exception {
    return run(List.of("buildah", "--storage-driver", "vfs", "--root", dataDir.resolve("buildah/root").toString(),
        "--runroot", dataDir.resolve("buildah/runroot").toString(), "images"));
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(command + ": " + output).isZero();
    return output;
  }
}
