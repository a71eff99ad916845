package dev.cimanager.contracts.executions;

import java.util.List;

/** A pipeline's executions, newest first. */
public record ExecutionListResponse(List<ExecutionResponse> executions) {}
