package dev.cimanager.app.policysets;

import dev.cimanager.app.failures.DomainException;

/**
 * A policy set could not be stored, resolved or tried; the message names the policy set, policy or
 * execution.
 */
public final class PolicySetException extends DomainException {
  /** Why a policy set operation failed. */
  public enum Reason {
    /** The policy set addressed by an endpoint's path does not exist. */
    NOT_FOUND,
    /** A reference (in a pipeline step) names no policy set. */
    REFERENCE_NOT_FOUND,
    /** A policy set with that identifier already exists in the scope. */
    DUPLICATE,
    /** A policy is malformed or does not compile. */
    INVALID_POLICY,
    /** The execution a trial runs the policies against does not exist in the caller's account. */
    EXECUTION_NOT_FOUND,
    /** That execution has no SLSA provenance. */
    PROVENANCE_NOT_FOUND
  }

  public PolicySetException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
