package dev.cimanager.contracts.executions;

public record StartExecutionResponse(String executionId, ExecutionStatus status) {}
