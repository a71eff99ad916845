package dev.cimanager.contracts.secrets;

import java.util.List;

/** {@code GET /api/v1{S}/secrets?type=}. */
public record SecretListResponse(List<SecretResponse> secrets) {}
