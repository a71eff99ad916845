package dev.cimanager.app.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * {@code execution:} in the configuration: how many executions run at once (the rest wait QUEUED) and
 * how long one command (a clone, a build, a push, a Run step) may take.
 */
public class ExecutionSettings {

  @Min(1)
  @Max(64)
  private int workers = 2;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration commandTimeout = Duration.minutes(30);

  @JsonProperty
  public int getWorkers() {
    return workers;
  }

  @JsonProperty
  public void setWorkers(int workers) {
    this.workers = workers;
  }

  @JsonProperty
  public Duration getCommandTimeout() {
    return commandTimeout;
  }

  @JsonProperty
  public void setCommandTimeout(Duration commandTimeout) {
    this.commandTimeout = commandTimeout;
  }
}
