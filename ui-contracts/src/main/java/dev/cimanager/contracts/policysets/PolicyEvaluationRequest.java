package dev.cimanager.contracts.policysets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * {@code POST /api/v1{S}/policysets/evaluate}: try policies on the stored provenance of an
 * execution's artifact before saving them.
 *
 * @param artifactId {@code <stage>.<step>}; null for the execution's first artifact with provenance
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyEvaluationRequest(
    List<PolicyJson> policies, String executionId, String artifactId) {}
