package dev.cimanager.ssca.api;

import dev.cimanager.ssca.policy.PolicyCompiler;

/** Checks policies before they are stored, so a stored policy set always compiles. */
public final class Policies {
  private Policies() {}

  /**
   * Compiles every policy of the set.
   *
   * @throws InvalidPolicyException naming the first invalid policy and the problem (with its position)
   */
  public static void validate(PolicySet set) {
    PolicyCompiler.compile(set);
  }
}
