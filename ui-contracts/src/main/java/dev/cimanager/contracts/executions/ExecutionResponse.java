package dev.cimanager.contracts.executions;

import java.util.List;

/**
 * {@code GET /api/v1/executions/{id}}. Times are RFC 3339 UTC; {@code endedAt} is null until the
 * execution ends. {@code failureMessage} says why a FAILED execution failed (null otherwise);
 * {@code codebase} is null until a stage has cloned it. {@code abortedBy} names the user who
 * aborted an ABORTED execution (null otherwise).
 */
public record ExecutionResponse(
    String executionId,
    String pipelineIdentifier,
    String orgIdentifier,
    String projectIdentifier,
    long sequenceId,
    ExecutionStatus status,
    TriggerResponse trigger,
    String startedAt,
    String endedAt,
    String failureMessage,
    CodebaseResponse codebase,
    List<StageResponse> stages,
    String abortedBy) {}
