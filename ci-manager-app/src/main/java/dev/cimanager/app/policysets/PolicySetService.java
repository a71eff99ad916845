package dev.cimanager.app.policysets;

import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopedReference;
import dev.cimanager.ssca.api.PolicySet;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Resolves policy set references ({@code account.<id>}, {@code org.<id>}, {@code <id>}) from a
 * pipeline's or request's project, for the engine, pipeline validation and on-demand verification.
 */
@Singleton
public final class PolicySetService {
  private final PolicySetStore store;

  @Inject
  PolicySetService(PolicySetStore store) {
    this.store = store;
  }

  /**
   * @throws PolicySetException {@code REFERENCE_NOT_FOUND}, or {@link ReferenceException}, naming
   *     the reference
   */
  public PolicySet resolve(Scope from, String reference) {
    ScopedReference ref = ScopedReference.resolve("policy set", reference, from);
    return store
        .find(ref.scope(), ref.identifier())
        .orElseThrow(
            () ->
                new PolicySetException(
                    PolicySetException.Reason.REFERENCE_NOT_FOUND,
                    "policy set " + ref.reference() + " not found"))
        .toPolicySet(ref.reference());
  }
}
