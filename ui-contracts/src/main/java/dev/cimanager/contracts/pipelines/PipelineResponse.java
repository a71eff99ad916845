package dev.cimanager.contracts.pipelines;

/**
 * A stored pipeline's summary (the YAML itself is served as {@code application/yaml}); times RFC
 * 3339 UTC.
 */
public record PipelineResponse(
    String identifier,
    String name,
    String orgIdentifier,
    String projectIdentifier,
    String createdAt,
    String updatedAt) {}
