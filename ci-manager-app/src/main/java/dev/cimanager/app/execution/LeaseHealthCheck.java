package dev.cimanager.app.execution;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Unhealthy when this instance has not renewed its leases and heartbeat for half a lease duration:
 * its runs are about to be taken over by another instance, so a load balancer or orchestrator
 * should know.
 */
final class LeaseHealthCheck extends HealthCheck {

  private final ExecutionEngine engine;
  private final Clock clock;

  LeaseHealthCheck(ExecutionEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  protected Result check() {
    Instant last = engine.lastRenewal();
    if (last == null) {
      return Result.unhealthy(
          "the execution engine of instance " + engine.identity().id() + " has not started");
    }
    Duration since = Duration.between(last, clock.instant());
    if (since.compareTo(engine.leaseDuration().dividedBy(2)) > 0) {
      return Result.unhealthy(
          "instance "
              + engine.identity().id()
              + " could not renew its execution leases for "
              + since.toSeconds()
              + " s (lease "
              + engine.leaseDuration().toSeconds()
              + " s)");
    }
    return Result.healthy(
        "instance "
            + engine.identity().id()
            + " runs "
            + engine.runningCount()
            + " executions; leases renewed "
            + since.toMillis()
            + " ms ago");
  }
}
