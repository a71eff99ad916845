package dev.cimanager.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Set-up that end-to-end tests of a Build and Push stage share: a Git repository an image builds
 * from offline, and connectors and secrets created through the public API (each call must answer
 * 201).
 */
public final class BuildFixtures {
  private BuildFixtures() {}

  /**
   * Makes {@code dir} a Git repository with one commit on {@code main}: {@code hello.txt} and a
   * {@code Dockerfile} building {@code FROM scratch} (no network). Author and time are fixed, so
   * every build of this commit yields the same image digest.
   */
  public static RevCommit commitScratchImage(Path dir) throws IOException, GitAPIException {
    return commitFiles(
        dir,
        Map.of(
            "hello.txt",
            "hello\n".getBytes(StandardCharsets.UTF_8),
            "Dockerfile",
            "FROM scratch\nARG VERSION\nLABEL version=$VERSION\nCOPY hello.txt /hello.txt\n"
                .getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Makes {@code dir} a Git repository with one commit on {@code main} holding {@code files}
   * (relative path to content; executable when the name has no dot, e.g. a static binary). Author
   * and time fixed.
   */
  public static RevCommit commitFiles(Path dir, Map<String, byte[]> files)
      throws IOException, GitAPIException {
    PersonIdent dev =
        new PersonIdent(
            "Dev",
            "dev@example.com",
            Date.from(Instant.parse("2024-05-01T12:00:00Z")),
            TimeZone.getTimeZone("UTC"));
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
        if (!file.getKey().contains(".") && !file.getKey().equals("Dockerfile")) {
          path.toFile().setExecutable(true, false);
        }
      }
      git.add().addFilepattern(".").call();
      return git.commit().setMessage("app").setAuthor(dev).setCommitter(dev).call();
    }
  }

  /**
   * The scope most pipelines here run in ({@link TestPipeline}'s defaults): project {@code demo} of
   * org {@code default}, the account's anonymous registry connector {@code local_registry} to
   * {@code registry} and the project's anonymous Git connector {@code app_repo} to {@code
   * repository}.
   */
  public static void demoProject(ApiClient client, URI registry, URI repository) {
    project(client, "demo");
    registryConnector(client, "", "local_registry", registry);
    gitConnector(client, "/orgs/default/projects/demo", "app_repo", repository);
  }

  /** Creates project {@code identifier} in org {@code default}. */
  public static void project(ApiClient client, String identifier) {
    created(
        client.postJson(
            "/api/v1/orgs/default/projects", Map.of("identifier", identifier, "name", identifier)));
  }

  /**
   * An anonymous DockerRegistry connector; {@code scope} is a scope prefix ("" for the account).
   */
  public static void registryConnector(
      ApiClient client, String scope, String identifier, URI registry) {
    created(
        client.postJson(
            "/api/v1" + scope + "/connectors", registryConnectorBody(identifier, registry)));
  }

  /** The request body of an anonymous DockerRegistry connector, for tests of refused ones. */
  public static Map<String, Object> registryConnectorBody(String identifier, Object registry) {
    return connector(
        identifier,
        "DockerRegistry",
        Map.of(
            "dockerRegistryUrl",
            registry.toString(),
            "providerType",
            "Other",
            "auth",
            Map.of("type", "Anonymous")));
  }

  /** The request body of an anonymous Git connector, for tests of refused ones. */
  public static Map<String, Object> gitConnectorBody(String identifier, Object repository) {
    return connector(
        identifier,
        "Git",
        Map.of(
            "url",
            repository.toString(),
            "connectionType",
            "Repo",
            "authentication",
            Map.of("type", "Anonymous")));
  }

  private static Map<String, Object> connector(
      String identifier, String type, Map<String, Object> spec) {
    return Map.of("identifier", identifier, "name", identifier, "type", type, "spec", spec);
  }

  /**
   * An anonymous Git connector to {@code repository} (e.g. a {@code file://} URI). A local
   * repository outside the account's folder of the local Git root ({@link TestApp#localGitFolder})
   * is moved there first and its old path becomes a symbolic link to it: the test keeps using its
   * path (and URL), which the server accepts because it resolves links.
   */
  public static void gitConnector(
      ApiClient client, String scope, String identifier, URI repository) {
    if ("file".equals(repository.getScheme())) {
      intoLocalGitRoot(client.accountId(), Path.of(repository));
    }
    created(
        client.postJson(
            "/api/v1" + scope + "/connectors", gitConnectorBody(identifier, repository)));
  }

  /** Moves {@code repository} under the account's local Git folder and links its old path there. */
  public static void intoLocalGitRoot(String accountId, Path repository) {
    try {
      Path folder = TestApp.localGitFolder(accountId).toRealPath();
      if (!Files.exists(repository) || repository.toRealPath().startsWith(folder)) {
        return;
      }
      Path target = folder.resolve(repository.getFileName() + "-" + java.util.UUID.randomUUID());
      Files.move(repository, target);
      Files.createSymbolicLink(repository, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An account-scope file secret. */
  public static void fileSecret(ApiClient client, String identifier, byte[] content) {
    created(
        client.postMultipart(
            "/api/v1/secrets/file",
            Map.of("identifier", identifier, "name", identifier),
            "file",
            content));
  }

  /** An account-scope text secret. */
  public static void textSecret(ApiClient client, String identifier, String value) {
    created(
        client.postJson(
            "/api/v1/secrets/text",
            Map.of("identifier", identifier, "name", identifier, "value", value)));
  }

  /** The account secrets a pipeline's {@code slsa_provenance} signs with by default. */
  public static void cosignSecrets(ApiClient client, byte[] privateKey, String password) {
    fileSecret(client, "cosign_private_key", privateKey);
    textSecret(client, "cosign_password", password);
  }

  /** The contract's {@code pipeline-slsa.yaml} (a byte-identical copy in the test resources). */
  public static String contractPipeline() {
    try (InputStream in =
        BuildFixtures.class.getResourceAsStream(
            "/dev/cimanager/app/pipelines/pipeline-slsa.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void created(ApiResponse response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }
}
