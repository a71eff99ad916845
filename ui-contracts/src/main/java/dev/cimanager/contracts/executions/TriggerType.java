package dev.cimanager.contracts.executions;

/** What started an execution. */
public enum TriggerType {
  MANUAL,
  WEBHOOK,
  SCHEDULED
}
