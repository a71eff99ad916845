package dev.cimanager.app.verification;

import dev.cimanager.contracts.artifacts.VerificationSummary;
import dev.cimanager.contracts.artifacts.VerificationSummary.PolicyResultJson;
import dev.cimanager.ssca.api.PolicyResult;
import dev.cimanager.ssca.api.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of one SlsaVerification step of one execution, as stored and shown on the Artifacts
 * tab.
 *
 * @param image {@code registry/repository} (without tag or digest)
 * @param tag the tag the step resolved, or null when it named a digest
 * @param digest {@code sha256:<hex>}, or null when the tag did not resolve
 * @param status {@code PASSED}, {@code WARNING} or {@code FAILED}
 * @param signature {@code PASSED} or {@code FAILED}
 */
public record StoredVerification(
    String executionId,
    String stageIdentifier,
    String stepIdentifier,
    String image,
    String tag,
    String digest,
    String status,
    String signature,
    List<PolicyResultJson> policies,
    String failureMessage) {

  public StoredVerification {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(stageIdentifier, "stageIdentifier");
    Objects.requireNonNull(stepIdentifier, "stepIdentifier");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(signature, "signature");
    policies = List.copyOf(policies);
  }

  static StoredVerification of(
      String executionId, String stage, String step, String image, String tag, Verdict verdict) {
    return new StoredVerification(
        executionId,
        stage,
        step,
        image,
        tag,
        verdict.digest(),
        verdict.status().name(),
        verdict.signature().name(),
        policies(verdict.policies()),
        verdict.failureMessage());
  }

  /** The contract's {@code verification} object. */
  public VerificationSummary summary() {
    return new VerificationSummary(status, signature, stepIdentifier, policies, failureMessage);
  }

  /** The contract's {@code verification} object for a verdict not stored (on-demand). */
  static VerificationSummary summary(Verdict verdict, String stepIdentifier) {
    return new VerificationSummary(
        verdict.status().name(),
        verdict.signature().name(),
        stepIdentifier,
        policies(verdict.policies()),
        verdict.failureMessage());
  }

  static List<PolicyResultJson> policies(List<PolicyResult> results) {
    return results.stream()
        .map(
            r ->
                new PolicyResultJson(
                    r.policySet(),
                    r.identifier(),
                    r.status().name(),
                    r.severity().jsonName(),
                    r.message()))
        .toList();
  }

  /** {@code <stageIdentifier>.<stepIdentifier>}, the id of the artifact a verification adds. */
  public String artifactId() {
    return stageIdentifier + "." + stepIdentifier;
  }
}
