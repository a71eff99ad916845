package dev.cimanager.contracts.policysets;

import dev.cimanager.contracts.artifacts.VerificationSummary.PolicyResultJson;
import java.util.List;

/**
 * The policies' results on one stored provenance.
 *
 * @param status {@code PASSED}, {@code WARNING} (only warning policies denied) or {@code FAILED}
 */
public record PolicyEvaluationResponse(
    String executionId,
    String artifactId,
    String image,
    String digest,
    String status,
    List<PolicyResultJson> policies) {}
