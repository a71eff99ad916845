package dev.cimanager.app.policysets;

import dev.cimanager.app.accounts.Identifiers;
import dev.cimanager.app.failures.InvalidInputException;
import dev.cimanager.contracts.policysets.PolicyJson;
import dev.cimanager.contracts.policysets.PolicySetRequest;
import dev.cimanager.ssca.api.InvalidPolicyException;
import dev.cimanager.ssca.api.Policies;
import dev.cimanager.ssca.api.PolicySet;
import dev.cimanager.ssca.api.PolicySeverity;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a policy set request field by field, then compiles every expression: a set that is stored
 * always compiles. Policy-level problems are {@code INVALID_POLICY} naming the policy.
 */
public final class PolicySetValidator {
  static final int MAX_POLICIES = 200;
  static final int MAX_MESSAGE_LENGTH = 1024;

  private PolicySetValidator() {}

  /**
   * A policy set file (the API's request body) as the SSCA module evaluates it, for the {@code
   * verify-attestation --policy FILE} command.
   *
   * @throws InvalidInputException or {@link PolicySetException} {@code INVALID_POLICY}
   */
  public static PolicySet fromFile(PolicySetRequest request, String file) {
    String identifier = Identifiers.require("identifier", request.identifier());
    return StoredPolicySet.toPolicySet(file, 0, identifier, policies(request));
  }

  /**
   * The request's policies, normalised (name defaults to the identifier, severity to {@code
   * error}).
   */
  static List<PolicyJson> policies(PolicySetRequest request) {
    if (request.policies() == null) {
      throw new InvalidInputException("policies is required (a list, which may be empty)");
    }
    if (request.policies().size() > MAX_POLICIES) {
      throw new InvalidInputException(
          "policies has "
              + request.policies().size()
              + " entries; a policy set holds at most "
              + MAX_POLICIES);
    }
    List<PolicyJson> policies = new ArrayList<>();
    for (int i = 0; i < request.policies().size(); i++) {
      policies.add(policy(i, request.policies().get(i)));
    }
    try {
      Policies.validate(StoredPolicySet.toPolicySet("validation", 0, "validation", policies));
    } catch (InvalidPolicyException e) {
      throw invalid(e.getMessage());
    }
    return policies;
  }

  private static PolicyJson policy(int index, PolicyJson policy) {
    if (policy == null) {
      throw invalid(
          "policies["
              + index
              + "] is null; expected {\"identifier\",\"name\",\"expression\",\"message\",\"severity\"}");
    }
    String id = policy.identifier();
    if (!Identifiers.isValid(id)) {
      throw invalid(
          "policies["
              + index
              + "].identifier "
              + (id == null
                  ? "is required"
                  : "'"
                      + id
                      + "' is not a valid identifier (a letter or '_' then up to 127 letters, digits or '_')"));
    }
    String name = policy.name() == null || policy.name().isBlank() ? id : policy.name();
    if (name.length() > 256) {
      throw invalid("policy '" + id + "' has a name longer than 256 characters");
    }
    if (policy.expression() == null || policy.expression().isBlank()) {
      throw invalid("policy '" + id + "' has no expression");
    }
    String message =
        policy.message() == null || policy.message().isBlank()
            ? "policy '" + id + "' denied the provenance"
            : policy.message();
    if (message.length() > MAX_MESSAGE_LENGTH) {
      throw invalid(
          "policy '" + id + "' has a message longer than " + MAX_MESSAGE_LENGTH + " characters");
    }
    String severity =
        policy.severity() == null ? PolicySeverity.ERROR.jsonName() : policy.severity();
    try {
      PolicySeverity.fromJson(severity);
    } catch (IllegalArgumentException e) {
      throw invalid("policy '" + id + "' has an invalid severity: " + e.getMessage());
    }
    return new PolicyJson(id, name, policy.expression(), message, severity);
  }

  private static PolicySetException invalid(String message) {
    return new PolicySetException(PolicySetException.Reason.INVALID_POLICY, message);
  }
}
