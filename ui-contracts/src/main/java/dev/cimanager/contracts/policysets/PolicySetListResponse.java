package dev.cimanager.contracts.policysets;

import java.util.List;

/** {@code GET /api/v1{S}/policysets}: the scope's policy sets by identifier. */
public record PolicySetListResponse(List<PolicySetResponse> policySets) {}
