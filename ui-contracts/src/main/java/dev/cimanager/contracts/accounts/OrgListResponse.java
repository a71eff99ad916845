package dev.cimanager.contracts.accounts;

import java.util.List;

/** {@code GET /api/v1/orgs}. */
public record OrgListResponse(List<OrgResponse> orgs) {}
