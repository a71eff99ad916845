package dev.cimanager.app.policysets;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.execution.ExecutionStore;
import dev.cimanager.app.failures.InvalidInputException;
import dev.cimanager.contracts.artifacts.VerificationSummary.PolicyResultJson;
import dev.cimanager.contracts.policysets.PolicyEvaluationRequest;
import dev.cimanager.contracts.policysets.PolicyEvaluationResponse;
import dev.cimanager.contracts.policysets.PolicySetRequest;
import dev.cimanager.ssca.api.InvalidPolicyException;
import dev.cimanager.ssca.api.Policies;
import dev.cimanager.ssca.api.PolicyResult;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.storage.ProvenanceRecords;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * "Evaluate against the provenance of run #N": policies not yet saved, tried on the statement an
 * execution of the caller's account stored for one of its artifacts. Nothing is stored.
 */
@Singleton
final class PolicyTrial {
  private final ExecutionStore executions;
  private final ProvenanceRecords provenance;
  private final Clock clock;

  @Inject
  PolicyTrial(ExecutionStore executions, ProvenanceRecords provenance, Clock clock) {
    this.executions = executions;
    this.provenance = provenance;
    this.clock = clock;
  }

  PolicyEvaluationResponse evaluate(Caller caller, PolicyEvaluationRequest request) {
    if (request == null || request.executionId() == null || request.executionId().isBlank()) {
      throw new InvalidInputException(
          "executionId is required: {\"policies\",\"executionId\",\"artifactId\"}");
    }
    var policies =
        PolicySetValidator.policies(new PolicySetRequest("trial", "trial", request.policies()));
    executions
        .find(caller.accountId(), request.executionId())
        .orElseThrow(
            () ->
                new PolicySetException(
                    PolicySetException.Reason.EXECUTION_NOT_FOUND,
                    "execution '" + request.executionId() + "' not found"));
    ProvenanceRecord record =
        provenance.findByExecution(request.executionId()).stream()
            .filter(r -> r.statement() != null)
            .filter(
                r ->
                    request.artifactId() == null
                        || (r.stageIdentifier() + "." + r.stepIdentifier())
                            .equals(request.artifactId()))
            .max(Comparator.comparing(ProvenanceRecord::createdAt))
            .orElseThrow(
                () ->
                    new PolicySetException(
                        PolicySetException.Reason.PROVENANCE_NOT_FOUND,
                        "execution '"
                            + request.executionId()
                            + "' has no SLSA provenance"
                            + (request.artifactId() == null
                                ? ""
                                : " for artifact '" + request.artifactId() + "'")));
    List<PolicyResult> results;
    try {
      results =
          Policies.evaluate(
              StoredPolicySet.toPolicySet("trial", 0, "trial", policies),
              record.statement(),
              record.image(),
              record.digest(),
              clock.instant());
    } catch (InvalidPolicyException e) {
      throw new PolicySetException(PolicySetException.Reason.INVALID_POLICY, e.getMessage());
    }
    String status =
        results.stream().anyMatch(PolicyResult::fails)
            ? "FAILED"
            : results.stream().anyMatch(PolicyResult::denied) ? "WARNING" : "PASSED";
    return new PolicyEvaluationResponse(
        request.executionId(),
        record.stageIdentifier() + "." + record.stepIdentifier(),
        record.image(),
        record.digest(),
        status,
        results.stream()
            .map(
                r ->
                    new PolicyResultJson(
                        r.policySet(),
                        r.identifier(),
                        r.status().name(),
                        r.severity().jsonName(),
                        r.message()))
            .toList());
  }
}
