package dev.cimanager.contracts.artifacts;

import java.util.List;

/**
 * {@code GET /api/v1/artifacts?digest=}: every artifact of the caller's account with that digest.
 */
public record BuiltArtifactListResponse(List<BuiltArtifactResponse> artifacts) {}
