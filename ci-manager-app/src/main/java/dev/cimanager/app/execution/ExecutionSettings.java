package dev.cimanager.app.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code execution:} in the configuration: how many executions run at once (the rest wait QUEUED). */
public class ExecutionSettings {

  @Min(1)
  @Max(64)
  private int workers = 2;

  @JsonProperty
  public int getWorkers() {
    return workers;
  }

  @JsonProperty
  public void setWorkers(int workers) {
    this.workers = workers;
  }
}
