package dev.cimanager.app.execution.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.pipelines.Codebase;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real buildah (vfs, isolated RUN steps, FROM scratch: offline) pushing to real docker-registry
 * processes.
 */
@IntegrationTest
class BuildahBuilderTest {

  private static final Instant COMMIT_TIME = Instant.parse("2024-03-01T10:00:00Z");
  private static final String USER = "ci";
  private static final String PASSWORD = "s3cret-pw";

  @TempDir static Path dataDir;

  private static LocalRegistry registry;
  private static LocalRegistry authRegistry;
  private static BuildahBuilder builder;

  @TempDir Path workspace;

  private final StepLog log = new StepLog(line -> line.replace("hunter2", "**************"));

  @BeforeAll
  static void start() {
    registry = LocalRegistry.start();
    authRegistry = LocalRegistry.withBasicAuth(USER, PASSWORD);
    builder =
        new BuildahBuilder(
            dataDir, Set.of(registry.hostPort(), authRegistry.hostPort()), Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    registry.close();
    authRegistry.close();
  }

  private ImageBuild build(
      Path workspace,
      LocalRegistry target,
      String repository,
      List<String> tags,
      Credentials credentials) {
    return new ImageBuild(
        workspace,
        "Dockerfile",
        ".",
        target.hostPort(),
        repository,
        tags,
        Map.of("TOKEN", "hunter2"),
        Map.of("org.opencontainers.image.title", "app"),
        credentials,
        COMMIT_TIME);
  }

  private static void writeSource(Path dir, String dockerfile) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    Files.writeString(dir.resolve("hello.txt"), "hello\n");
  }

  private static final String DOCKERFILE =
      """
      FROM scratch
      ARG TOKEN
      COPY hello.txt /hello.txt
      """;

  @Test
  void writeAuthFile_quotesAndBackslashes_stayValidJson() throws Exception {
    String user = "ci\"user\\";
    String password = "p\"w\\d}\n";
    String oddRegistry = "reg\"istry\\:5000";
    ImageBuild quoted =
        new ImageBuild(
            workspace,
            "Dockerfile",
            ".",
            oddRegistry,
            "demo/app",
            List.of("1"),
            Map.of(),
            Map.of(),
            new Credentials(user, password),
            COMMIT_TIME);

    Path file = BuildahBuilder.writeAuthFile(workspace, quoted);

    JsonNode auths = new ObjectMapper().readTree(file.toFile()).get("auths");
    assertThat(auths.size()).isEqualTo(1);
    String auth = auths.get(oddRegistry).get("auth").asText();
    assertThat(new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8))
        .isEqualTo(user + ":" + password);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void resolvedBase_noDigestPrinted_isLeftOutAndLogged() {
    String digest = "sha256:" + "a".repeat(64);

    assertThat(BuildahBuilder.resolvedBase("127.0.0.1:5000/base:1", List.of(), log)).isEmpty();
    assertThat(BuildahBuilder.resolvedBase("127.0.0.1:5000/base:1", List.of(""), log)).isEmpty();
    assertThat(log.lines())
        .contains(
            "(buildah printed no digest for base image 127.0.0.1:5000/base:1; it is left "
                + "out of the provenance's resolvedDependencies)");
    assertThat(BuildahBuilder.resolvedBase("127.0.0.1:5000/base:1", List.of("noise", digest), log))
        .contains(new PushedImage.BaseImage("127.0.0.1:5000/base:1", digest));
  }

  @Test
  void buildAndPush_everyTagServesThePushedDigest() throws Exception {
    writeSource(workspace, DOCKERFILE);

    PushedImage pushed =
        builder.buildAndPush(
            build(workspace, registry, "demo/app", List.of("1.0", "7"), null), log);

    assertThat(pushed.image()).isEqualTo(registry.hostPort() + "/demo/app");
    assertThat(pushed.tags()).containsExactly("1.0", "7");
    assertThat(pushed.digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(pushed.builderVersion()).matches("\\d+\\.\\d+.*").isEqualTo(builder.version());
    assertThat(pushed.baseImages()).isEmpty();
    assertThat(registryDigest(pushed.image() + ":1.0", null)).isEqualTo(pushed.digest());
    assertThat(registryDigest(pushed.image() + ":7", null)).isEqualTo(pushed.digest());
    assertThat(manifestMediaType(pushed.image() + ":7"))
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(localImages()).doesNotContain("cimanager-build");
    assertThat(log.text()).contains("--build-arg TOKEN=**************").doesNotContain("hunter2");
  }

  @Test
  void buildAndPush_twoClonesOfOneCommit_sameDigest() throws Exception {
    Path origin = workspace.resolve("origin");
    writeSource(origin, DOCKERFILE);
    try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      PersonIdent author =
          new PersonIdent(
              "Dev", "dev@example.com", Date.from(COMMIT_TIME), TimeZone.getTimeZone("UTC"));
      git.commit().setMessage("app").setAuthor(author).setCommitter(author).call();
    }
    GitCloner cloner = new GitCloner(Duration.ofSeconds(30));
    GitSource source =
        new GitSource(origin.toUri().toString(), Codebase.BuildType.BRANCH, "main", null);
    ClonedSource first = cloner.cloneInto(source, workspace.resolve("run1"), log);
    ClonedSource second = cloner.cloneInto(source, workspace.resolve("run2"), log);
    // checkouts get the time of checkout as file time: make the second one visibly later
    Files.setLastModifiedTime(
        workspace.resolve("run2/hello.txt"), FileTime.from(Instant.now().plusSeconds(3600)));

    PushedImage one =
        builder.buildAndPush(
            new ImageBuild(
                workspace.resolve("run1"),
                "Dockerfile",
                ".",
                registry.hostPort(),
                "demo/repro",
                List.of("run1"),
                Map.of(),
                Map.of(),
                null,
                first.commitTime()),
            log);
    PushedImage two =
        builder.buildAndPush(
            new ImageBuild(
                workspace.resolve("run2"),
                "Dockerfile",
                ".",
                registry.hostPort(),
                "demo/repro",
                List.of("run2"),
                Map.of(),
                Map.of(),
                null,
                second.commitTime()),
            log);

    assertThat(second.commitTime()).isEqualTo(COMMIT_TIME);
    assertThat(two.digest()).isEqualTo(one.digest());
    assertThat(registryDigest(registry.hostPort() + "/demo/repro:run2", null))
        .isEqualTo(one.digest());
  }

  @Test
  void buildAndPush_basicAuthRegistry_rightCredentials() throws Exception {
    writeSource(workspace, DOCKERFILE);

    PushedImage pushed =
        builder.buildAndPush(
            build(
                workspace,
                authRegistry,
                "demo/private",
                List.of("1"),
                new Credentials(USER, PASSWORD)),
            log);

    assertThat(registryDigest(pushed.image() + ":1", USER + ":" + PASSWORD))
        .isEqualTo(pushed.digest());
    assertThat(log.text()).doesNotContain(PASSWORD);
  }

  @Test
  void buildAndPush_basicAuthRegistry_wrongCredentials() throws Exception {
    writeSource(workspace, DOCKERFILE);
    ImageBuild wrong =
        build(workspace, authRegistry, "demo/private", List.of("1"), new Credentials(USER, "nope"));

    assertThatThrownBy(() -> builder.buildAndPush(wrong, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith(
            "tried to push " + authRegistry.hostPort() + "/demo/private:1 but buildah exited with")
        .hasMessageContaining("unauthorized");
    assertThat(localImages()).doesNotContain("cimanager-build");
  }

  @Test
  void buildAndPush_brokenDockerfile() throws Exception {
    writeSource(workspace, "FROM scratch\nCOPY missing.txt /missing.txt\n");

    assertThatThrownBy(
            () ->
                builder.buildAndPush(
                    build(workspace, registry, "demo/broken", List.of("1"), null), log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith(
            "tried to build " + registry.hostPort() + "/demo/broken but buildah exited with")
        .hasMessageContaining("missing.txt");
    assertThat(buildah("containers", "--quiet")).isBlank();
  }

  @Test
  void buildAndPush_missingDockerfile() {
    ImageBuild noDockerfile = build(workspace, registry, "demo/app", List.of("1"), null);

    assertThatThrownBy(() -> builder.buildAndPush(noDockerfile, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "tried to build "
                + registry.hostPort()
                + "/demo/app but the Dockerfile 'Dockerfile' does not exist in the workspace");
  }

  @Test
  void buildAndPush_baseImageResolvedToTheRegistryDigest() throws Exception {
    Path baseSource = workspace.resolve("base");
    writeSource(baseSource, DOCKERFILE);
    PushedImage base =
        builder.buildAndPush(build(baseSource, registry, "demo/base", List.of("1"), null), log);
    Path appSource = workspace.resolve("app");
    String baseRef = registry.hostPort() + "/demo/base:1";
    writeSource(appSource, "FROM " + baseRef + " AS base\nFROM base\nCOPY hello.txt /app.txt\n");

    PushedImage app =
        builder.buildAndPush(build(appSource, registry, "demo/derived", List.of("1"), null), log);

    assertThat(app.baseImages()).containsExactly(new PushedImage.BaseImage(baseRef, base.digest()));
    assertThat(buildah("containers", "--quiet"))
        .as("stage containers left in vfs storage")
        .isBlank();
  }

  private static String registryDigest(String image, String creds) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}"));
    if (creds != null) {
      command.addAll(List.of("--creds", creds));
    }
    command.add("docker://" + image);
    return run(command).trim();
  }

  private static String manifestMediaType(String image) throws Exception {
    String manifest =
        run(List.of("skopeo", "inspect", "--raw", "--tls-verify=false", "docker://" + image));
    return manifest.replaceAll("(?s).*\"mediaType\"\\s*:\\s*\"([^\"]+)\".*?\"config\".*", "$1");
  }

  private static String localImages() throws Exception {
    return buildah("images");
  }

  private static String buildah(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "buildah",
                "--storage-driver",
                "vfs",
                "--root",
                dataDir.resolve("buildah/root").toString(),
                "--runroot",
                dataDir.resolve("buildah/runroot").toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(command + ": " + output).isZero();
    return output;
  }
}
