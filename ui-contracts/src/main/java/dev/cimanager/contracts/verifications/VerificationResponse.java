package dev.cimanager.contracts.verifications;

import dev.cimanager.contracts.artifacts.VerificationSummary.PolicyResultJson;
import java.util.List;

/**
 * The verdict of an on-demand verification, 200 whatever it is.
 *
 * @param image {@code registry/repository@sha256:<hex>} (or {@code :tag} when the tag did not
 *     resolve)
 * @param stepIdentifier always null: no step ran
 */
public record VerificationResponse(
    String image,
    String status,
    String signature,
    String stepIdentifier,
    List<PolicyResultJson> policies,
    String failureMessage) {}
