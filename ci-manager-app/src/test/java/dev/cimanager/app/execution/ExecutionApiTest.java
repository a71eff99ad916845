package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executions through the public API against the running application, a real registry, real buildah
 * and a real Git repository ({@code file://}). Builds are few: one success, one broken Dockerfile.
 */
@IntegrationTest
class ExecutionApiTest {

  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

  private static final Duration MAX_WAIT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path origin;

  private static RevCommit mainCommit;
  private static ApiClient acme;

  @BeforeAll
  static void createRepositoryAndAccount() throws Exception {
    mainCommit = BuildFixtures.commitScratchImage(origin);
    try (Git git = Git.open(origin.toFile())) {
      PersonIdent dev = mainCommit.getAuthorIdent();
      git.checkout().setCreateBranch(true).setName("broken").call();
      Files.writeString(
          origin.resolve("Dockerfile"), "FROM scratch\nCOPY missing-file.txt /missing-file.txt\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("break the build").setAuthor(dev).setCommitter(dev).call();
      git.checkout().setName("main").call();
    }

    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, REGISTRY.url(), origin.toUri());
    // the pipelines name the SLSA secrets (disabled), and saving checks that they exist
    BuildFixtures.cosignSecrets(acme, "unused".getBytes(StandardCharsets.UTF_8), "unused");
  }

  @Test
  void start_buildsAndPushesEveryTagThenListsNewestFirst() throws Exception {
    putPipeline(acme, "build_app", "account.local_registry");

    ApiResponse started = acme.postJson(executionsPath("build_app"), "");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.json().get("status").asText()).isEqualTo("QUEUED");
    String executionId = started.json().get("executionId").asText();
    List<String> seen = new ArrayList<>();
    JsonNode execution = awaitEnd(executionId, seen);

    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    assertThat(seen).contains("RUNNING").endsWith("SUCCESS");
    assertThat(execution.get("trigger").get("type").asText()).isEqualTo("MANUAL");
    assertThat(execution.get("trigger").get("triggeredBy").asText()).isEqualTo("Test User");
    assertThat(execution.get("pipelineIdentifier").asText()).isEqualTo("build_app");
    assertThat(execution.get("orgIdentifier").asText()).isEqualTo("default");
    assertThat(execution.get("projectIdentifier").asText()).isEqualTo("demo");
    long sequenceId = execution.get("sequenceId").asLong();
    assertThat(sequenceId).isEqualTo(1);
    assertThat(Instant.parse(execution.get("startedAt").asText()))
        .isBeforeOrEqualTo(Instant.parse(execution.get("endedAt").asText()));
    assertThat(execution.get("codebase").get("commitSha").asText()).isEqualTo(mainCommit.name());
    JsonNode stage = execution.get("stages").get(0);
    assertThat(stage.get("identifier").asText()).isEqualTo("build");
    assertThat(stage.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(stage.get("failureMessage").isNull()).isTrue();
    JsonNode step = stage.get("steps").get(0);
    assertThat(step.get("identifier").asText()).isEqualTo("BuildAndPush");
    assertThat(step.get("type").asText()).isEqualTo("BuildAndPushDockerRegistry");
    assertThat(step.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(step.get("startedAt").isTextual()).isTrue();
    assertThat(step.get("endedAt").isTextual()).isTrue();
    JsonNode outcome = step.get("outcome");
    assertThat(outcome.get("artifactId").asText()).isEqualTo("build.BuildAndPush");
    assertThat(outcome.get("image").asText()).isEqualTo(REGISTRY.hostPort() + "/demo/app");
    assertThat(outcome.get("tags").toString()).isEqualTo("[\"1.0\",\"1\"]");
    String digest = outcome.get("digest").asText();
    assertThat(digest).matches("sha256:[0-9a-f]{64}");
    assertThat(registryDigest("demo/app:1.0")).isEqualTo(digest);
    assertThat(registryDigest("demo/app:" + sequenceId)).isEqualTo(digest);
    ApiResponse log =
        acme.get("/api/v1/executions/" + executionId + "/stages/build/steps/BuildAndPush/logs");
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.header("Content-Type")).startsWith("text/plain");
    assertThat(log.body())
        .contains(
            "Checked out " + mainCommit.name(),
            "Pushed " + REGISTRY.hostPort() + "/demo/app@" + digest);

    // the broken branch of the same pipeline: a second execution, newest in the list
    ApiResponse broken = acme.postJson(executionsPath("build_app"), Map.of("branch", "broken"));
    assertThat(broken.status()).as(broken.toString()).isEqualTo(202);
    JsonNode failed =
        ExecutionFixtures.awaitEnd(acme, broken.json().get("executionId").asText(), MAX_WAIT);

    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("sequenceId").asLong()).isEqualTo(2);
    assertThat(failed.get("codebase").get("branch").asText()).isEqualTo("broken");
    JsonNode failedStage = failed.get("stages").get(0);
    JsonNode failedStep = failedStage.get("steps").get(0);
    assertThat(failedStage.get("status").asText()).isEqualTo("FAILED");
    assertThat(failedStep.get("status").asText()).isEqualTo("FAILED");
    assertThat(failedStep.get("failureMessage").asText())
        .startsWith("tried to build " + REGISTRY.hostPort() + "/demo/app but buildah exited with")
        .contains("missing-file.txt");
    assertThat(failedStage.get("failureMessage").asText())
        .isEqualTo(failedStep.get("failureMessage").asText());
    assertThat(failedStep.get("outcome").isNull()).isTrue();

    JsonNode list = acme.get(executionsPath("build_app")).json().get("executions");
    assertThat(list.findValuesAsText("sequenceId")).containsExactly("2", "1");
    assertThat(list.get(1).get("executionId").asText()).isEqualTo(executionId);
  }

  @Test
  void start_connectorDeletedAfterSaveFailsTheStepNamingIt() throws Exception {
    BuildFixtures.registryConnector(acme, "", "doomed_registry", REGISTRY.url());
    putPipeline(acme, "unknown_registry", "account.doomed_registry");
    // saving checks the reference, so the connector disappears afterwards (there is no DELETE
    // endpoint)
    APP.service(MongoDatabase.class)
        .getCollection("connectors")
        .deleteOne(Filters.eq("_id", acme.accountId() + ":doomed_registry"));

    JsonNode execution = ExecutionFixtures.runToEnd(acme, "unknown_registry", MAX_WAIT);

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    JsonNode step = execution.get("stages").get(0).get("steps").get(0);
    assertThat(step.get("status").asText()).isEqualTo("FAILED");
    assertThat(step.get("failureMessage").asText())
        .isEqualTo(
            "tried to resolve the registry connector 'account.doomed_registry' (pipeline.stages[0].stage.spec.execution"
                + ".steps[0].step.spec.connectorRef) but failed because connector account.doomed_registry not found");
    assertThat(execution.get("failureMessage").asText())
        .startsWith("stage 'build' failed: tried to resolve");
  }

  @Test
  void start_missingBranchFailsTheStageAndSkipsItsSteps() throws Exception {
    putPipeline(acme, "missing_branch", "account.local_registry");

    ApiResponse started =
        acme.postJson(executionsPath("missing_branch"), Map.of("branch", "no-such-branch"));
    JsonNode execution =
        ExecutionFixtures.awaitEnd(acme, started.json().get("executionId").asText(), MAX_WAIT);

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    JsonNode stage = execution.get("stages").get(0);
    assertThat(stage.get("status").asText()).isEqualTo("FAILED");
    assertThat(stage.get("failureMessage").asText())
        .isEqualTo(
            "tried to clone branch 'no-such-branch' of "
                + origin.toUri()
                + " but the repository has no branch 'no-such-branch'");
    assertThat(stage.get("steps").get(0).get("status").asText()).isEqualTo("SKIPPED");
    assertThat(execution.get("endedAt").isTextual()).isTrue();
  }

  @Test
  void start_unknownPipeline() {
    ApiResponse response = acme.postJson(executionsPath("no_such_pipeline"), "");
    ApiResponse withoutBody = acme.send("POST", executionsPath("no_such_pipeline"), null, null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("PIPELINE_NOT_FOUND");
    assertThat(response.message()).contains("no_such_pipeline");
    assertThat(withoutBody.status()).isEqualTo(404);
    assertThat(withoutBody.code()).isEqualTo("PIPELINE_NOT_FOUND");
  }

  @Test
  void start_badBody() {
    putPipeline(acme, "bad_body", "account.local_registry");

    ApiResponse notJson = acme.postJson(executionsPath("bad_body"), "{branch");
    ApiResponse branchNotAString =
        acme.postJson(executionsPath("bad_body"), Map.of("branch", java.util.List.of("main")));
    ApiResponse badBranch =
        acme.postJson(executionsPath("bad_body"), Map.of("branch", "no spaces allowed"));
    ApiResponse text =
        acme.send(
            "POST",
            executionsPath("bad_body"),
            "text/plain",
            "branch=main".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.code()).isEqualTo("INVALID_JSON");
    assertThat(branchNotAString.status()).isEqualTo(400);
    assertThat(branchNotAString.code()).isEqualTo("INVALID_JSON");
    assertThat(branchNotAString.message()).contains("'branch'");
    assertThat(badBranch.status()).isEqualTo(400);
    assertThat(badBranch.message()).startsWith("branch:");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void get_unknownExecution() {
    ApiResponse response = acme.get("/api/v1/executions/no-such-execution");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("EXECUTION_NOT_FOUND");
  }

  @Test
  void get_anotherAccountsExecution() throws Exception {
    putPipeline(acme, "private_run", "account.local_registry");
    String executionId = ExecutionFixtures.started(acme, "private_run");
    JsonNode execution = ExecutionFixtures.awaitEnd(acme, executionId, MAX_WAIT);
    ApiClient other = APP.newAccount();

    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    String logPath = "/api/v1/executions/" + executionId + "/stages/build/steps/BuildAndPush/logs";
    assertThat(acme.get(logPath).body()).contains("Checked out " + mainCommit.name());
    assertThat(other.get("/api/v1/executions/" + executionId).status()).isEqualTo(404);
    assertThat(other.get("/api/v1/executions/" + executionId).code())
        .isEqualTo("EXECUTION_NOT_FOUND");
    assertThat(other.get(logPath).status()).isEqualTo(404);
    assertThat(other.get(executionsPath("private_run")).status()).isEqualTo(404);
    assertThat(
            acme.get("/api/v1/executions/" + executionId + "/stages/build/steps/nope/logs").code())
        .isEqualTo("STEP_NOT_FOUND");
    assertThat(APP.anonymous().get("/api/v1/executions/" + executionId).status()).isEqualTo(401);
  }

  private static void putPipeline(ApiClient client, String identifier, String registryRef) {
    TestPipeline.buildAndPush(identifier)
        .slsa(false, "account.cosign_private_key", "account.cosign_password")
        .registry(registryRef)
        .tags("1.0", "<+pipeline.sequenceId>")
        .buildArg("VERSION", "1.0")
        .label("org.opencontainers.image.title", "app")
        .save(client);
  }

  private static String executionsPath(String pipeline) {
    return "/api/v1/orgs/default/projects/demo/pipelines/" + pipeline + "/executions";
  }

  /** Polls the execution until it ends, recording each status seen. */
  private static JsonNode awaitEnd(String executionId, List<String> seen)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(MAX_WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode execution = acme.get("/api/v1/executions/" + executionId).json();
      String status = execution.get("status").asText();
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
        seen.add(status);
      }
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return execution;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "execution " + executionId + " did not end within " + MAX_WAIT + "; seen " + seen);
  }

  /** The manifest digest the registry serves for {@code repositoryAndTag}, as skopeo reads it. */
  private static String registryDigest(String repositoryAndTag)
      throws IOException, InterruptedException {
    Process skopeo =
        new ProcessBuilder(
                "skopeo",
                "inspect",
                "--tls-verify=false",
                "docker://" + REGISTRY.hostPort() + "/" + repositoryAndTag)
            .redirectErrorStream(true)
            .start();
    String output = new String(skopeo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(skopeo.waitFor()).as(output).isZero();
    return JSON.readTree(output).get("Digest").asText();
  }
}
