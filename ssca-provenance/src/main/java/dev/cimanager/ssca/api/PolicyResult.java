package dev.cimanager.ssca.api;

import java.util.Objects;

/**
 * One policy's result on one verified provenance.
 *
 * @param policySet the set's reference, e.g. {@code account.release_policy}
 * @param message null when the policy passed; else the policy's message, or the evaluation error
 */
public record PolicyResult(
    String policySet,
    String identifier,
    PolicyStatus status,
    PolicySeverity severity,
    String message) {
  public PolicyResult {
    Objects.requireNonNull(policySet, "policySet");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
  }

  public boolean denied() {
    return status == PolicyStatus.DENY;
  }

  /** A denial that fails the verification. */
  public boolean fails() {
    return denied() && severity == PolicySeverity.ERROR;
  }

  /** The step log's line for this result. */
  public String logLine() {
    return "Policy "
        + policySet
        + "/"
        + identifier
        + ": "
        + status
        + (denied() ? " (" + severity.jsonName() + "): " + message : "");
  }

  public enum PolicyStatus {
    PASS,
    DENY
  }
}
