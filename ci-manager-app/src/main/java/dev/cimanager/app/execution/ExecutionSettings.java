package dev.cimanager.app.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cimanager.app.execution.steps.StepLog;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code execution:} in the configuration: how many executions run at once, and how many more may wait
 * QUEUED (a start beyond that answers 429), and the size limit of each step's stored log.
 */
public class ExecutionSettings {

  @Min(1)
  @Max(64)
  private int workers = 2;

  @Min(1)
  @Max(100_000)
  private int maxQueued = 100;

  /** The most bytes one step's stored log keeps; it then ends with a truncation line. */
  @Min(1024)
  @Max(1024L * 1024 * 1024)
  private long maxStepLogBytes = StepLog.DEFAULT_MAX_BYTES;

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

  @JsonProperty
  public long getMaxStepLogBytes() {
    return maxStepLogBytes;
  }

  @JsonProperty
  public void setMaxStepLogBytes(long maxStepLogBytes) {
    this.maxStepLogBytes = maxStepLogBytes;
  }
}
