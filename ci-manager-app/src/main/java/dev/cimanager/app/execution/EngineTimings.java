package dev.cimanager.app.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's lease and polling timings ({@link ExecutionSettings}); short in tests, seconds in
 * production.
 */
record EngineTimings(
    Duration leaseDuration, Duration renewInterval, Duration pollInterval, Duration shutdownGrace) {

  EngineTimings {
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(renewInterval, "renewInterval");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (renewInterval.compareTo(leaseDuration.dividedBy(2)) > 0) {
      throw new IllegalArgumentException(
          "execution.renewInterval ("
              + renewInterval
              + ") must be at most half of"
              + " execution.leaseDuration ("
              + leaseDuration
              + "), or leases expire between renewals");
    }
  }

  static EngineTimings of(ExecutionSettings settings) {
    return new EngineTimings(
        settings.getLeaseDuration().toJavaDuration(),
        settings.getRenewInterval().toJavaDuration(),
        settings.getPollInterval().toJavaDuration(),
        settings.getShutdownGrace().toJavaDuration());
  }
}
