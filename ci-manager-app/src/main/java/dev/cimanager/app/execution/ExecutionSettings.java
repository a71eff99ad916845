package dev.cimanager.app.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code execution:} in the configuration: how many executions run at once, and how many more may wait
 * QUEUED (a start beyond that answers 429).
 */
public class ExecutionSettings {

  @Min(1)
  @Max(64)
  private int workers = 2;

  @Min(1)
  @Max(100_000)
  private int maxQueued = 100;

  @JsonProperty
  public int getWorkers() {
    return workers;
  }

  @JsonProperty
  public void setWorkers(int workers) {
    this.workers = workers;
  }

  @JsonProperty
  public int getMaxQueued() {
    return maxQueued;
  }

  @JsonProperty
  public void setMaxQueued(int maxQueued) {
    this.maxQueued = maxQueued;
  }
}
