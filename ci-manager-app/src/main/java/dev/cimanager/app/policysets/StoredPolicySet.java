package dev.cimanager.app.policysets;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.contracts.policysets.PolicyJson;
import dev.cimanager.contracts.policysets.PolicySetResponse;
import dev.cimanager.ssca.api.Policy;
import dev.cimanager.ssca.api.PolicySet;
import dev.cimanager.ssca.api.PolicySeverity;
import java.util.List;
import java.util.Objects;

/**
 * A policy set as stored: validated (every expression compiles to a bool) before it gets here.
 *
 * @param version 1 when created, incremented by every update; compiled programs are cached per
 *     version
 */
public record StoredPolicySet(
    Scope scope, String identifier, String name, List<PolicyJson> policies, long version) {
  public StoredPolicySet {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    policies = List.copyOf(policies);
  }

  public PolicySetResponse toResponse() {
    return new PolicySetResponse(
        identifier,
        name,
        policies,
        scope.level().jsonName(),
        scope.referenceTo(identifier),
        scope.orgId(),
        scope.projectId(),
        version);
  }

  /**
   * The set as the SSCA module evaluates it.
   *
   * @param reference how results name it: the reference as written where it is used
   */
  public PolicySet toPolicySet(String reference) {
    return toPolicySet(scope.idOf(identifier), version, reference, policies);
  }

  static PolicySet toPolicySet(
      String cacheKey, long version, String reference, List<PolicyJson> policies) {
    return new PolicySet(
        cacheKey,
        version,
        reference,
        policies.stream()
            .map(
                p ->
                    new Policy(
                        p.identifier(),
                        p.name(),
                        p.expression(),
                        p.message(),
                        PolicySeverity.fromJson(p.severity())))
            .toList());
  }
}
