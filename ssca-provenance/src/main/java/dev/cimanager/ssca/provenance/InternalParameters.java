package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Inputs the platform controls: which execution of which pipeline ran the build. */
@JsonPropertyOrder({
  "pipelineExecutionId",
  "accountId",
  "orgIdentifier",
  "projectIdentifier",
  "pipelineIdentifier",
  "stageIdentifier",
  "stepIdentifier"
})
public record InternalParameters(
    String pipelineExecutionId,
    String accountId,
    String orgIdentifier,
    String projectIdentifier,
    String pipelineIdentifier,
    String stageIdentifier,
    String stepIdentifier) {}
