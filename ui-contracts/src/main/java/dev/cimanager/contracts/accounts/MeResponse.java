package dev.cimanager.contracts.accounts;

/** {@code GET /api/v1/me}: who the bearer token acts as. */
public record MeResponse(String accountIdentifier, String userName, String userEmail) {}
