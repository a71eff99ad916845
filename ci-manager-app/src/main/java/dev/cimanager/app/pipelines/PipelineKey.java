package dev.cimanager.app.pipelines;

import java.util.Objects;

/** Where a pipeline lives: the org, project and pipeline identifiers of its REST path. */
public record PipelineKey(
    String orgIdentifier, String projectIdentifier, String pipelineIdentifier) {

  public PipelineKey {
    Objects.requireNonNull(orgIdentifier, "orgIdentifier");
    Objects.requireNonNull(projectIdentifier, "projectIdentifier");
    Objects.requireNonNull(pipelineIdentifier, "pipelineIdentifier");
  }

  @Override
  public String toString() {
    return orgIdentifier + "/" + projectIdentifier + "/" + pipelineIdentifier;
  }
}
