package dev.cimanager.contracts.executions;

/** {@code triggeredBy}: the user name for MANUAL runs. */
public record TriggerResponse(TriggerType type, String triggeredBy) {}
