package dev.cimanager.contracts.artifacts;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An artifact with the run that built it ({@code GET /api/v1/artifacts?digest=}): the artifact's
 * fields as in an execution's list, plus where that execution belongs.
 */
public record BuiltArtifactResponse(
    @JsonUnwrapped ArtifactResponse artifact,
    String executionId,
    String pipelineIdentifier,
    String orgIdentifier,
    String projectIdentifier) {}
