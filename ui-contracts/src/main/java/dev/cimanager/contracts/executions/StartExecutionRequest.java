package dev.cimanager.contracts.executions;

/** Optional body of a run request: {@code branch} overrides the codebase's branch. */
public record StartExecutionRequest(String branch) {}
