package dev.cimanager.contracts.policysets;

import java.util.List;

/**
 * A stored policy set: the request's fields plus where it lives, how pipelines reference it and its
 * version (incremented by every PUT).
 */
public record PolicySetResponse(
    String identifier,
    String name,
    List<PolicyJson> policies,
    String scope,
    String reference,
    String orgIdentifier,
    String projectIdentifier,
    long version) {}
