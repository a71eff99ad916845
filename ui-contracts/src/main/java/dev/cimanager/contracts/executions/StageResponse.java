package dev.cimanager.contracts.executions;

import java.util.List;

public record StageResponse(
    String identifier,
    String name,
    ExecutionStatus status,
    String failureMessage,
    String startedAt,
    String endedAt,
    List<StepResponse> steps) {}
