package dev.cimanager.app.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cimanager.app.execution.tools.StepLog;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.concurrent.TimeUnit;

/**
 * {@code execution:} in the configuration: how many executions this instance runs at once, how many
 * more one account may have waiting QUEUED (a start beyond that answers 429), and, for several
 * instances on one MongoDB, this instance's id and the lease timings (see docs/API.md "Several
 * instances"); and the size limit of each step's stored log.
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

  /** Empty: the host name and a random suffix, new at every start. */
  @NotNull
  @Pattern(regexp = "[A-Za-z0-9._-]{0,64}")
  private String instanceId = "";

  /** How long a claim holds without renewal; another instance takes over a run after it expired. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration leaseDuration = Duration.seconds(30);

  /** How often running leases are renewed and abort requests noticed. */
  @NotNull
  @MinDuration(value = 50, unit = TimeUnit.MILLISECONDS)
  private Duration renewInterval = Duration.seconds(2);

  /** How often an instance with a free worker looks for queued executions of other instances. */
  @NotNull
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 10, unit = TimeUnit.SECONDS)
  private Duration pollInterval = Duration.milliseconds(100);

  /** How long a stopping instance lets its running builds finish before it fails them. */
  @NotNull private Duration shutdownGrace = Duration.seconds(30);

  @JsonProperty
  public String getInstanceId() {
    return instanceId;
  }

  @JsonProperty
  public void setInstanceId(String instanceId) {
    this.instanceId = instanceId == null ? "" : instanceId;
  }

  @JsonProperty
  public Duration getLeaseDuration() {
    return leaseDuration;
  }

  @JsonProperty
  public void setLeaseDuration(Duration leaseDuration) {
    this.leaseDuration = leaseDuration;
  }

  @JsonProperty
  public Duration getRenewInterval() {
    return renewInterval;
  }

  @JsonProperty
  public void setRenewInterval(Duration renewInterval) {
    this.renewInterval = renewInterval;
  }

  @JsonProperty
  public Duration getPollInterval() {
    return pollInterval;
  }

  @JsonProperty
  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  @JsonProperty
  public Duration getShutdownGrace() {
    return shutdownGrace;
  }

  @JsonProperty
  public void setShutdownGrace(Duration shutdownGrace) {
    this.shutdownGrace = shutdownGrace;
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
