package dev.cimanager.app.provenance;

import dev.cimanager.app.execution.Execution;
import dev.cimanager.contracts.artifacts.ArtifactResponse;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.contracts.artifacts.ProvenanceSummary;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.storage.ProvenanceRecords;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An execution's pushed images joined with their provenance records: what the Artifacts tab shows.
 * The images come from the steps' outcomes (so an image whose provenance failed still shows), the
 * provenance from the store.
 */
@Singleton
final class ExecutionArtifacts {
  /** What the hook would have attested when it failed before the module recorded anything. */
  static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";

  static final String UNFINISHED_PUSH =
      "the push did not finish (the server stopped); push it again";

  private final ProvenanceRecords records;

  @Inject
  ExecutionArtifacts(ProvenanceRecords records) {
    this.records = records;
  }

  List<Artifact> of(Execution execution) {
    List<ProvenanceRecord> stored = records.findByExecution(execution.executionId());
    return execution.pushedArtifacts().stream()
        .map(pushed -> artifact(execution, pushed, stored))
        .toList();
  }

  Optional<Artifact> find(Execution execution, String artifactId) {
    return of(execution).stream()
        .filter(a -> a.pushed().artifactId().equals(artifactId))
        .findFirst();
  }

  static Artifact artifact(
      Execution execution, Execution.PushedArtifact pushed, List<ProvenanceRecord> records) {
    Optional<ProvenanceRecord> record =
        records.stream()
            .filter(
                r ->
                    r.stageIdentifier().equals(pushed.stageIdentifier())
                        && r.stepIdentifier().equals(pushed.stepIdentifier()))
            .max(Comparator.comparing(ProvenanceRecord::createdAt));
    if (record.isPresent()) {
      return new Artifact(
          pushed,
          record.get(),
          status(execution, record.get()),
          failureMessage(execution, record.get()));
    }
    // the hook failed after the push but before the module could record anything: the step says why
    return failedStepMessage(execution, pushed)
        .map(message -> new Artifact(pushed, null, ProvenanceStatus.FAILED, message))
        .orElseGet(() -> new Artifact(pushed, null, null, null));
  }

  /**
   * The API never shows PENDING (the contract's statuses are PUSHED, PUSH_FAILED, FAILED): while
   * the execution runs, a PENDING record shows no provenance yet (null); once it has ended, a
   * PENDING record is a push the server never finished, shown PUSH_FAILED so it can be re-pushed.
   */
  static ProvenanceStatus status(Execution execution, ProvenanceRecord record) {
    if (record.status() == ProvenanceStatus.PENDING) {
      return finished(execution) ? ProvenanceStatus.PUSH_FAILED : null;
    }
    return record.status();
  }

  static String failureMessage(Execution execution, ProvenanceRecord record) {
    if (record.status() == ProvenanceStatus.PENDING) {
      return finished(execution) ? UNFINISHED_PUSH : null;
    }
    return record.failureMessage();
  }

  private static boolean finished(Execution execution) {
    return execution.status() != ExecutionStatus.QUEUED
        && execution.status() != ExecutionStatus.RUNNING;
  }

  private static Optional<String> failedStepMessage(
      Execution execution, Execution.PushedArtifact pushed) {
    if (pushed.image().provenance() != ProvenanceStatus.FAILED) {
      return Optional.empty();
    }
    return execution.stages().stream()
        .filter(stage -> stage.identifier().equals(pushed.stageIdentifier()))
        .flatMap(stage -> stage.steps().stream())
        .filter(step -> step.identifier().equals(pushed.stepIdentifier()))
        .map(Execution.StepRun::failureMessage)
        .filter(message -> message != null)
        .findFirst();
  }

  /**
   * @param record null when the module recorded nothing
   * @param status null when the stage does not generate provenance
   */
  record Artifact(
      Execution.PushedArtifact pushed,
      ProvenanceRecord record,
      ProvenanceStatus status,
      String failureMessage) {

    ArtifactResponse response() {
      Execution.ImageOutcome image = pushed.image();
      ProvenanceSummary summary =
          status == null
              ? null
              : new ProvenanceSummary(
                  status,
                  record == null ? PREDICATE_TYPE : record.predicateType(),
                  record == null ? null : record.attestationRef(),
                  failureMessage);
      return new ArtifactResponse(
          pushed.artifactId(),
          pushed.stageIdentifier(),
          pushed.stepIdentifier(),
          ArtifactResponse.TYPE_IMAGE,
          image.image(),
          image.tags(),
          image.digest(),
          summary,
          null);
    }
  }
}
