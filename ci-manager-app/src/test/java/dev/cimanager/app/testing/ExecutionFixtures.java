package dev.cimanager.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Pipelines, repositories and waits that the execution engine's end-to-end tests share. */
public final class ExecutionFixtures {

  private ExecutionFixtures() {}

  /**
   * Makes {@code dir} a Git repository whose image build runs {@code sleep seconds} (a static
   * busybox copied in, {@code FROM scratch}, no network): a build that is still running when a test
   * aborts it or kills its instance.
   */
  public static void commitSleepingImage(Path dir, int seconds)
      throws IOException, GitAPIException {
    BuildFixtures.commitFiles(
        dir,
        Map.of(
            "busybox",
            Files.readAllBytes(Path.of("/bin/busybox")),
            "Dockerfile",
            ("FROM scratch\nCOPY busybox /bin/busybox\n"
                    + "RUN [\"/bin/busybox\", \"sleep\", \""
                    + seconds
                    + "\"]\n")
                .getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A pipeline in project {@code demo} of org {@code default}: clone account connector {@code
   * gitRef}, build and push to {@code repo} through account connector {@code local_registry}, tags
   * {@code 1.0} and the sequence id; SLSA provenance signed with the account secrets {@code
   * cosign_private_key} and {@code cosign_password} when {@code slsa}.
   */
  public static TestPipeline pipeline(String identifier, String gitRef, String repo, boolean slsa) {
    TestPipeline pipeline =
        TestPipeline.buildAndPush(identifier)
            .name(identifier)
            .codebase("account." + gitRef)
            .repo(repo)
            .tags("1.0", "<+pipeline.sequenceId>");
    return slsa ? pipeline.slsa() : pipeline;
  }

  /** Starts a run of {@code pipeline} in {@code default/demo}; the answer as it came. */
  public static ApiResponse start(ApiClient client, String pipeline) {
    return client.postJson(
        "/api/v1/orgs/default/projects/demo/pipelines/" + pipeline + "/executions", "");
  }

  /** Starts a run of {@code pipeline} in {@code default/demo}; it must answer 202. Its id. */
  public static String started(ApiClient client, String pipeline) {
    ApiResponse started = start(client, pipeline);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    return started.json().get("executionId").asText();
  }

  /** Starts a run of {@code pipeline} in {@code default/demo} and waits for its end; the run. */
  public static JsonNode runToEnd(ApiClient client, String pipeline, Duration maxWait) {
    return awaitEnd(client, started(client, pipeline), maxWait);
  }

  /** Waits until the execution's first step runs, then 2 s more (its build is under way). */
  public static void awaitStepRunning(ApiClient client, String executionId, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode execution = client.get("/api/v1/executions/" + executionId).json();
      if (execution.at("/stages/0/steps/0/status").asText().equals("RUNNING")) {
        sleep(Duration.ofSeconds(2));
        return;
      }
      sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("the build of " + executionId + " never started");
  }

  /** The log of step {@code BuildAndPush} of stage {@code build} (the usual pipeline's step). */
  public static String buildLog(ApiClient client, String executionId) {
    return client
        .get("/api/v1/executions/" + executionId + "/stages/build/steps/BuildAndPush/logs")
        .body();
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
