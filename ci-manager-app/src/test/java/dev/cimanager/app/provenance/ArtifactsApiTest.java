package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionStore;
import dev.cimanager.app.pipelines.PipelineKey;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.spi.ProvenanceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The artifacts API over executions and provenance records stored directly (no build): the states a
 * run passes through, and the digest lookup across accounts.
 */
class ArtifactsApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static ApiClient acme;
  private static ExecutionStore executions;
  private static ProvenanceStore records;

  @BeforeAll
  static void createAccount() {
    acme = APP.newAccount();
    executions = APP.service(ExecutionStore.class);
    records = APP.service(ProvenanceStore.class);
  }

  @Test
  void list_pendingRecordWhileRunning_hasNoProvenanceThenPushFailedOnceEnded() {
    String digest = randomDigest();
    Execution running = storeExecution(acme, ExecutionStatus.RUNNING, digest);
    records.save(record(running, digest, ProvenanceStatus.PENDING));

    JsonNode whileRunning = artifacts(acme, running.executionId()).get(0);
    executions.save(
        running.withStatus(
            ExecutionStatus.FAILED,
            "the server restarted while this execution was running",
            Instant.now()));
    JsonNode ended = artifacts(acme, running.executionId()).get(0);

    assertThat(whileRunning.has("provenance")).as(whileRunning.toString()).isFalse();
    assertThat(ended.get("provenance").get("status").asText()).isEqualTo("PUSH_FAILED");
    assertThat(ended.get("provenance").get("failureMessage").asText())
        .isEqualTo("the push did not finish (the server stopped); push it again");
  }

  @Test
  void byDigest_listsTheCallersArtifactsWithTheirExecution_neverAnotherAccounts() {
    ApiClient other = APP.newAccount();
    String digest = randomDigest();
    Execution mine = storeExecution(acme, ExecutionStatus.SUCCESS, digest);
    records.save(record(mine, digest, ProvenanceStatus.PUSHED));
    Execution theirs = storeExecution(other, ExecutionStatus.SUCCESS, digest);
    records.save(record(theirs, digest, ProvenanceStatus.PUSHED));

    ApiResponse response = acme.get("/api/v1/artifacts?digest=" + digest);
    ApiResponse otherView = other.get("/api/v1/artifacts?digest=" + digest);
    ApiResponse unknown = acme.get("/api/v1/artifacts?digest=" + randomDigest());

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode found = response.json().get("artifacts");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("executionId").asText()).isEqualTo(mine.executionId());
    assertThat(found.get(0).get("pipelineIdentifier").asText()).isEqualTo("p");
    assertThat(found.get(0).get("orgIdentifier").asText()).isEqualTo("default");
    assertThat(found.get(0).get("projectIdentifier").asText()).isEqualTo("demo");
    assertThat(found.get(0).get("id").asText()).isEqualTo("build.push");
    assertThat(found.get(0).get("digest").asText()).isEqualTo(digest);
    assertThat(found.get(0).get("provenance").get("status").asText()).isEqualTo("PUSHED");
    assertThat(otherView.json().get("artifacts")).hasSize(1);
    assertThat(otherView.json().get("artifacts").get(0).get("executionId").asText())
        .isEqualTo(theirs.executionId());
    assertThat(unknown.json().get("artifacts")).isEmpty();
  }

  @Test
  void byDigest_malformedOrMissing_isInvalidDigest() {
    for (String query : List.of("?digest=sha256:abc", "?digest=sha512:" + "a".repeat(128), "")) {
      ApiResponse response = acme.get("/api/v1/artifacts" + query);

      assertThat(response.status()).as(query + " " + response).isEqualTo(400);
      assertThat(response.code()).isEqualTo("INVALID_DIGEST");
      assertThat(response.message()).startsWith("digest: ");
    }
  }

  static JsonNode artifacts(ApiClient client, String executionId) {
    ApiResponse response = client.get("/api/v1/executions/" + executionId + "/artifacts");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("artifacts");
  }

  static String randomDigest() {
    return "sha256:" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  /**
   * An execution of pipeline {@code p} in {@code default/demo} whose stage {@code build} pushed an
   * image.
   */
  static Execution storeExecution(ApiClient account, ExecutionStatus status, String digest) {
    Instant now = Instant.now();
    Execution.StepRun step =
        new Execution.StepRun(
            "push",
            "Push",
            "BuildAndPushDockerRegistry",
            status,
            null,
            now,
            null,
            new Execution.ImageOutcome("127.0.0.1:5000/demo/app", List.of("1.0"), digest, null));
    Execution.StageRun stage =
        new Execution.StageRun("build", "Build", status, null, now, null, List.of(step));
    long sequenceId =
        executions.nextSequenceId(account.accountId(), new PipelineKey("default", "demo", "p"));
    Execution execution =
        new Execution(
            UUID.randomUUID().toString(),
            account.accountId(),
            "default",
            "demo",
            "p",
            sequenceId,
            status,
            new Execution.Trigger(TriggerType.MANUAL, "Test User", null, null, null),
            null,
            "pipeline: {}",
            now,
            status.isFinal() ? now : null,
            null,
            null,
            List.of(stage),
            null);
    executions.insert(execution);
    if (status.isFinal()) {
      executions.save(execution);
    }
    return execution;
  }

  static ProvenanceRecord record(Execution execution, String digest, ProvenanceStatus status) {
    Instant now = Instant.now();
    return new ProvenanceRecord(
        UUID.randomUUID().toString(),
        execution.accountId(),
        "default",
        "demo",
        "p",
        execution.executionId(),
        "build",
        "push",
        "127.0.0.1:5000/demo/app",
        List.of("1.0"),
        digest,
        "https://slsa.dev/provenance/v1",
        "{}".getBytes(StandardCharsets.UTF_8),
        "{\"payload\":\"e30=\"}".getBytes(StandardCharsets.UTF_8),
        status,
        status == ProvenanceStatus.PUSHED
            ? "127.0.0.1:5000/demo/app:" + digest.replace(':', '-') + ".att"
            : null,
        status == ProvenanceStatus.PUSH_FAILED ? "registry down" : null,
        now,
        now);
  }
}
