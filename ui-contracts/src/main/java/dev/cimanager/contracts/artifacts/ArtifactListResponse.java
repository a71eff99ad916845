package dev.cimanager.contracts.artifacts;

import java.util.List;

/**
 * {@code GET /api/v1/executions/{id}/artifacts}: one entry per image the execution pushed, in step
 * order.
 */
public record ArtifactListResponse(List<ArtifactResponse> artifacts) {}
