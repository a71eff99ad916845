package dev.cimanager.contracts.executions;

/**
 * {@code outcome} is the pushed image of a BuildAndPush step, null for other steps and before the
 * push.
 */
public record StepResponse(
    String identifier,
    String name,
    String type,
    ExecutionStatus status,
    String failureMessage,
    String startedAt,
    String endedAt,
    ImageOutcomeResponse outcome) {}
