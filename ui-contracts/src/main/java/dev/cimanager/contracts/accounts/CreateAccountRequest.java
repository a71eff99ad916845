package dev.cimanager.contracts.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code POST /api/v1/accounts} (admin token). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateAccountRequest(String identifier, String name, AccountUser user) {}
