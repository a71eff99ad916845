package dev.cimanager.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Pipelines, repositories and waits that the execution engine's end-to-end tests share. */
public final class ExecutionFixtures {

  private static final String SLSA =
      """
                  slsa_provenance:
                    enabled: true
                    attestation:
                      type: cosign
                      spec:
                        private_key: account.cosign_private_key
                        password: account.cosign_password
        """;

  private ExecutionFixtures() {}

  /**
   * Makes {@code dir} a Git repository whose image build runs {@code sleep seconds} (a static
   * busybox copied in, {@code FROM scratch}, no network): a build that is still running when a test
   * aborts it or kills its instance.
   */
  public static void commitSleepingImage(Path dir, int seconds)
      throws IOException, GitAPIException {
    PersonIdent dev =
        new PersonIdent(
            "Dev",
            "dev@example.com",
            Date.from(Instant.parse("2024-05-01T12:00:00Z")),
            TimeZone.getTimeZone("UTC"));
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"));
      Files.writeString(
          dir.resolve("Dockerfile"),
          "FROM scratch\nCOPY busybox /bin/busybox\n"
              + "RUN [\"/bin/busybox\", \"sleep\", \""
              + seconds
              + "\"]\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("slow app").setAuthor(dev).setCommitter(dev).call();
    }
  }

  /**
   * A pipeline in project {@code demo} of org {@code default}: clone account connector {@code
   * gitRef}, build and push to {@code repo} through account connector {@code local_registry}, tags
   * {@code 1.0} and the sequence id; SLSA provenance signed with the account secrets {@code
   * cosign_private_key} and {@code cosign_password} when {@code slsa}.
   */
  public static String pipeline(String identifier, String gitRef, String repo, boolean slsa) {
    return """
        pipeline:
          identifier: %s
          name: %s
          orgIdentifier: default
          projectIdentifier: demo
          properties:
            ci:
              codebase:
                connectorRef: account.%s
                build:
                  type: branch
                  spec:
                    branch: main
          stages:
            - stage:
                identifier: build
                name: Build
                type: CI
                spec:
                  cloneCodebase: true
        %s          execution:
                    steps:
                      - step:
                          identifier: BuildAndPush
                          name: Build and Push
                          type: BuildAndPushDockerRegistry
                          spec:
                            connectorRef: account.local_registry
                            repo: %s
                            tags:
                              - "1.0"
                              - <+pipeline.sequenceId>
                            dockerfile: Dockerfile
                            context: .
        """
        .formatted(identifier, identifier, gitRef, slsa ? SLSA : "", repo);
  }

  /** Starts a run of {@code pipeline} in {@code default/demo}; the answer as it came. */
  public static ApiResponse start(ApiClient client, String pipeline) {
    return client.postJson(
        "/api/v1/orgs/default/projects/demo/pipelines/" + pipeline + "/executions", "");
  }

  /** Waits until the execution is no longer QUEUED or RUNNING; returns it. */
  public static JsonNode awaitEnd(ApiClient client, String executionId, Duration maxWait) {
    return awaitStatus(client, executionId, maxWait, "SUCCESS", "FAILED", "ABORTED");
  }

  /** Waits until the execution has one of {@code statuses}; returns it. */
  public static JsonNode awaitStatus(
      ApiClient client, String executionId, Duration maxWait, String... statuses) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    JsonNode execution = null;
    while (System.nanoTime() < deadline) {
      execution = client.get("/api/v1/executions/" + executionId).json();
      for (String status : statuses) {
        if (execution.get("status").asText().equals(status)) {
          return execution;
        }
      }
      sleep(Duration.ofMillis(100));
    }
    throw new AssertionError(
        "execution "
            + executionId
            + " did not reach "
            + String.join("/", statuses)
            + " within "
            + maxWait
            + ": "
            + execution);
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
