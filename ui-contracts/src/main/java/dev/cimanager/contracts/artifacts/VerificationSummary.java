package dev.cimanager.contracts.artifacts;

import java.util.List;

/**
 * What an SLSA Verification step (or an on-demand verification) found about one image.
 *
 * @param status {@code PASSED}, {@code WARNING} (a warning policy denied) or {@code FAILED}
 * @param signature {@code PASSED} when an SLSA provenance attestation verified with the key, else
 *     {@code FAILED}
 * @param stepIdentifier the verification step; null for on-demand verifications
 * @param failureMessage why it FAILED, else null
 */
public record VerificationSummary(
    String status,
    String signature,
    String stepIdentifier,
    List<PolicyResultJson> policies,
    String failureMessage) {

  /**
   * @param policySet the reference as written, e.g. {@code account.release_policy}
   * @param status {@code PASS} or {@code DENY}
   * @param severity {@code error} or {@code warning}
   * @param message null when the policy passed
   */
  public record PolicyResultJson(
      String policySet, String identifier, String status, String severity, String message) {}
}
