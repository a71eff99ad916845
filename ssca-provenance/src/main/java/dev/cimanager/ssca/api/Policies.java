package dev.cimanager.ssca.api;

import dev.cimanager.ssca.policy.PolicyInput;
import java.time.Instant;
import java.util.List;

/**
 * Checks policies before they are stored, so a stored policy set always compiles, and tries them on
 * a stored provenance before saving.
 */
public final class Policies {
  private Policies() {}

  /**
   * Compiles every policy of the set.
   *
   * @throws InvalidPolicyException naming the first invalid policy and the problem (with its
   *     position)
   */
  public static void validate(PolicySet set) {
    PolicyCompiler.compile(set);
  }

  /**
   * Compiles (uncached) and evaluates the set on one provenance, as a verification would.
   *
   * @param statementJson an in-toto Statement
   * @param image {@code registry/repository}
   * @param digest {@code sha256:<hex>}
   * @throws InvalidPolicyException as {@link #validate}
   * @throws IllegalArgumentException when the statement is not a JSON object
   */
  public static List<PolicyResult> evaluate(
      PolicySet set, byte[] statementJson, String image, String digest, Instant now) {
    return PolicyEvaluator.evaluate(
        PolicyCompiler.compile(set), PolicyInput.of(statementJson, image, digest, now));
  }
}
