package dev.cimanager.contracts.accounts;

import java.util.List;

/** {@code GET /api/v1/orgs/{org}/projects}. */
public record ProjectListResponse(List<ProjectResponse> projects) {}
