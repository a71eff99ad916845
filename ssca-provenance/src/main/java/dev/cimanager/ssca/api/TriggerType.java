package dev.cimanager.ssca.api;

/** What started the pipeline execution. */
public enum TriggerType {
  MANUAL,
  WEBHOOK,
  SCHEDULED
}
