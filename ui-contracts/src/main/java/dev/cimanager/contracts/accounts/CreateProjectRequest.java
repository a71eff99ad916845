package dev.cimanager.contracts.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code POST /api/v1/orgs/{org}/projects}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateProjectRequest(String identifier, String name) {}
