package dev.cimanager.ssca.api;

import java.util.List;
import java.util.Objects;

/**
 * A named list of policies, as stored by the application.
 *
 * @param cacheKey unique across every account and scope (the stored id): compiled programs are
 *     cached per (cacheKey, version)
 * @param version increases on every change, so a cached compilation of an older version is never
 *     used
 * @param reference how results name the set, e.g. {@code account.release_policy}
 */
public record PolicySet(String cacheKey, long version, String reference, List<Policy> policies) {
  public PolicySet {
    Objects.requireNonNull(cacheKey, "cacheKey");
    Objects.requireNonNull(reference, "reference");
    policies = List.copyOf(policies);
  }
}
