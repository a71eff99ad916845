package dev.cimanager.ssca.api;

/**
 * A policy cannot be used: its expression does not compile or is not boolean. The message names the
 * policy and, for a syntax or type error, the position in the expression.
 */
public final class InvalidPolicyException extends RuntimeException {
  private final String policyIdentifier;

  public InvalidPolicyException(String policyIdentifier, String message) {
    super(message);
    this.policyIdentifier = policyIdentifier;
  }

  public String policyIdentifier() {
    return policyIdentifier;
  }
}
