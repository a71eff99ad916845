package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionStore;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.spi.ProvenanceStatus;
import dev.cimanager.ssca.spi.ProvenanceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The artifacts API over executions and provenance records stored directly (no build): the states a run
 * passes through, and the digest lookup across accounts.
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
    executions.save(running.withStatus(ExecutionStatus.FAILED, "the server restarted while this execution was running",
        Instant.now()));
    JsonNode ended = artifacts(acme, running.executionId()).get(0);

    assertThat(whileRunning.has("provenance")).as(whileRunning.toString()).isFalse();
    assertThat(ended.get("provenance").get("status").asText()).isEqualTo("PUSH_FAILED");
    assertThat(ended.get("provenance").get("failureMessage").asText())
        .isEqualTo("the push did not finish (the server stopped); push it again");
  }

  static JsonNode artifacts(ApiClient client, String executionId) {
    ApiResponse response = client.get("/api/v1/executions/" + executionId + "/artifacts");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("artifacts");
  }

  static String randomDigest() {
    return "sha256:" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  /** An execution of pipeline {@code p} in {@code default/demo} whose stage {@code build} pushed an image. */
  static Execution storeExecution(ApiClient account, ExecutionStatus status, String digest) {
    Instant now = Instant.now();
    Execution.StepRun step = new Execution.StepRun("push", "Push", "BuildAndPushDockerRegistry", status, null, now,
        null, new Execution.ImageOutcome("127.0.0.1:5000/demo/app", List.of("1.0"), digest));
    Execution.StageRun stage = new Execution.StageRun("build", "Build", status, null, now, null, List.of(step));
    Execution execution = new Execution(UUID.randomUUID().toString(), account.accountId(), "default", "demo", "p",
        1, status, new Execution.Trigger(TriggerType.MANUAL, "Test User", null), null, "pipeline: {}", now,
        status.isFinal() ? now : null, null, null, List.of(stage));
    executions.insert(execution);
    if (status.isFinal()) {
      executions.save(execution);
    }
    return execution;
  }

  static ProvenanceRecord record(Execution execution, String digest, ProvenanceStatus status) {
    Instant now = Instant.now();
    return new ProvenanceRecord(UUID.randomUUID().toString(), execution.accountId(), "default", "demo", "p",
        execution.executionId(), "build", "push", "127.0.0.1:5000/demo/app", List.of("1.0"), digest,
        "https://slsa.dev/provenance/v1", "{}".getBytes(StandardCharsets.UTF_8),
        "{\"payload\":\"e30=\"}".getBytes(StandardCharsets.UTF_8), status,
        status == ProvenanceStatus.PUSHED ? "127.0.0.1:5000/demo/app:" + digest.replace(':', '-') + ".att" : null,
        status == ProvenanceStatus.PUSH_FAILED ? "registry down" : null, now, now);
  }
}
