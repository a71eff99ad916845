package dev.cimanager.contracts.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code POST /api/v1/orgs}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateOrgRequest(String identifier, String name) {}
