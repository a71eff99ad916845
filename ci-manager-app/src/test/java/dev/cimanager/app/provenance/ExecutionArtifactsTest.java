package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.execution.Execution;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a stored record's status shows in the API: never PENDING. */
class ExecutionArtifactsTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void status_pendingWhileRunning_isAbsent() {
    ProvenanceRecord pending = record(dev.cimanager.contracts.artifacts.ProvenanceStatus.PENDING);

    assertThat(ExecutionArtifacts.status(execution(ExecutionStatus.RUNNING), pending)).isNull();
    assertThat(ExecutionArtifacts.status(execution(ExecutionStatus.QUEUED), pending)).isNull();
    assertThat(ExecutionArtifacts.failureMessage(execution(ExecutionStatus.RUNNING), pending))
        .isNull();
  }

  @Test
  void status_pendingOnceEnded_isPushFailedWithWhy() {
    ProvenanceRecord pending = record(dev.cimanager.contracts.artifacts.ProvenanceStatus.PENDING);

    for (ExecutionStatus ended :
        List.of(ExecutionStatus.SUCCESS, ExecutionStatus.FAILED, ExecutionStatus.ABORTED)) {
      assertThat(ExecutionArtifacts.status(execution(ended), pending))
          .isEqualTo(ProvenanceStatus.PUSH_FAILED);
      assertThat(ExecutionArtifacts.failureMessage(execution(ended), pending))
          .isEqualTo("the push did not finish (the server stopped); push it again");
    }
  }

  @Test
  void status_otherStates_mapOneToOne() {
    Execution running = execution(ExecutionStatus.RUNNING);

    assertThat(
            ExecutionArtifacts.status(
                running, record(dev.cimanager.contracts.artifacts.ProvenanceStatus.PUSHED)))
        .isEqualTo(ProvenanceStatus.PUSHED);
    assertThat(
            ExecutionArtifacts.status(
                running, record(dev.cimanager.contracts.artifacts.ProvenanceStatus.PUSH_FAILED)))
        .isEqualTo(ProvenanceStatus.PUSH_FAILED);
    assertThat(
            ExecutionArtifacts.failureMessage(
                running, record(dev.cimanager.contracts.artifacts.ProvenanceStatus.PUSH_FAILED)))
        .isEqualTo("registry down");
  }

  @Test
  void artifact_withoutARecord_isFailedOnlyWhenTheOutcomeSaysSo() {
    String why = "SLSA provenance: tried to describe the build but failed because x";
    Execution.ImageOutcome image = new Execution.ImageOutcome("r/app", List.of("1"), DIGEST, null);

    for (Execution.ImageOutcome outcome :
        List.of(image, image.withProvenance(ProvenanceStatus.FAILED))) {
      Execution failed = withStep(outcome, why);
      ExecutionArtifacts.Artifact artifact =
          ExecutionArtifacts.artifact(failed, failed.pushedArtifacts().get(0), List.of());

      if (outcome.provenance() == null) {
        // the step failed for another reason after the push: no provenance to show
        assertThat(artifact.status()).isNull();
        assertThat(artifact.failureMessage()).isNull();
      } else {
        assertThat(artifact.status()).isEqualTo(ProvenanceStatus.FAILED);
        assertThat(artifact.failureMessage()).isEqualTo(why);
      }
    }
  }

  private static Execution withStep(Execution.ImageOutcome outcome, String failureMessage) {
    Instant now = Instant.now();
    Execution.StepRun step =
        new Execution.StepRun(
            "push",
            "Push",
            "BuildAndPushDockerRegistry",
            ExecutionStatus.FAILED,
            failureMessage,
            now,
            now,
            outcome);
    return new Execution(
        "e1",
        "acct",
        "default",
        "demo",
        "p",
        1,
        ExecutionStatus.FAILED,
        new Execution.Trigger(TriggerType.MANUAL, "Test User", null, null, null),
        null,
        "pipeline: {}",
        now,
        now,
        null,
        null,
        List.of(
            new Execution.StageRun(
                "build", "Build", ExecutionStatus.FAILED, null, now, now, List.of(step))),
        null);
  }

  private static Execution execution(ExecutionStatus status) {
    return new Execution(
        "e1",
        "acct",
        "default",
        "demo",
        "p",
        1,
        status,
        new Execution.Trigger(TriggerType.MANUAL, "Test User", null, null, null),
        null,
        "pipeline: {}",
        Instant.now(),
        null,
        null,
        null,
        List.of(),
        null);
  }

  private static ProvenanceRecord record(
      dev.cimanager.contracts.artifacts.ProvenanceStatus status) {
    Instant now = Instant.now();
    return new ProvenanceRecord(
        "r1",
        "acct",
        "default",
        "demo",
        "p",
        "e1",
        "build",
        "push",
        "127.0.0.1:5000/demo/app",
        List.of("1.0"),
        DIGEST,
        "https://slsa.dev/provenance/v1",
        "{}".getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8),
        status,
        status == dev.cimanager.contracts.artifacts.ProvenanceStatus.PUSHED
            ? "127.0.0.1:5000/demo/app:sha256-x.att"
            : null,
        status == dev.cimanager.contracts.artifacts.ProvenanceStatus.PUSH_FAILED
            ? "registry down"
            : null,
        now,
        now);
  }
}
