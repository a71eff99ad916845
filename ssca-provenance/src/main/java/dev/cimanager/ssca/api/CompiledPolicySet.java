package dev.cimanager.ssca.api;

import java.util.List;
import java.util.Objects;

/** Every policy of one version of a policy set, compiled. */
public record CompiledPolicySet(String reference, long version, List<CompiledPolicy> policies) {
  public CompiledPolicySet {
    Objects.requireNonNull(reference, "reference");
    policies = List.copyOf(policies);
  }
}
