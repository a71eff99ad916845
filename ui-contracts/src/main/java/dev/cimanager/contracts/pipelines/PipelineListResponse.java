package dev.cimanager.contracts.pipelines;

import java.util.List;

/** {@code GET /api/v1/orgs/{org}/projects/{project}/pipelines}. */
public record PipelineListResponse(List<PipelineResponse> pipelines) {}
