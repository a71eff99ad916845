package dev.cimanager.app.triggers;

import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionService;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.pipelines.InvalidPipelineException;
import dev.cimanager.contracts.executions.TriggerType;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires schedule triggers: every {@code period} it looks at each enabled schedule's latest due time
 * at or before now and, when that time is after the trigger was saved and no instance has claimed
 * it yet ({@link ScheduleFires}), starts one SCHEDULED run. Only the latest due time is ever
 * considered, so the times missed while no instance ran start one run, not one each.
 * Dropwizard-managed.
 */
public final class TriggerScheduler implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(TriggerScheduler.class);

  private final TriggerRepository triggers;
  private final TriggerParser parser;
  private final ScheduleFires fires;
  private final ExecutionService executions;
  private final Clock clock;
  private final Duration period;
  private ScheduledExecutorService timer;

  TriggerScheduler(
      TriggerRepository triggers,
      TriggerParser parser,
      ScheduleFires fires,
      ExecutionService executions,
      Clock clock,
      Duration period) {
    this.triggers = triggers;
    this.parser = parser;
    this.fires = fires;
    this.executions = executions;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "trigger-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::tickQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws InterruptedException {
    if (timer != null) {
      timer.shutdownNow();
      timer.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      // the next tick tries again; a dead timer thread would silently stop every schedule
      LOG.error("the schedule tick failed", e);
    }
  }

  /** Fires every schedule that is due at the clock's now; returns how many runs it started. */
  int tick() {
    Instant now = clock.instant();
    int started = 0;
    for (StoredTrigger stored : triggers.enabledSchedules()) {
      if (fire(stored, now)) {
        started++;
      }
    }
    return started;
  }

  private boolean fire(StoredTrigger stored, Instant now) {
    TriggerDefinition trigger;
    try {
      trigger = parser.parse(stored.key(), stored.yaml());
    } catch (InvalidTriggerException e) {
      LOG.warn("schedule {} no longer parses: {}", stored.key(), e.getMessage());
      return false;
    }
    if (!(trigger.source() instanceof TriggerDefinition.Schedule schedule) || !trigger.enabled()) {
      return false;
    }
    Optional<Instant> due = schedule.cron().lastDueAtOrBefore(now);
    if (due.isEmpty()
        || stored.scheduleSince() != null && !due.get().isAfter(stored.scheduleSince())) {
      return false;
    }
    String triggerId = TriggerRepository.idOf(stored.project(), stored.key());
    if (!fires.claim(triggerId, due.get(), now)) {
      return false;
    }
    fires.prune(triggerId, due.get());
    try {
      Execution execution =
          executions.start(
              stored.project(),
              stored.key().pipelineIdentifier(),
              new Execution.Trigger(
                  TriggerType.SCHEDULED, trigger.identifier(), null, trigger.identifier(), null));
      fires.record(triggerId, due.get(), execution.executionId(), null);
      triggers.recordFire(
          stored.project(),
          stored.key(),
          new StoredTrigger.LastFire(now, execution.executionId(), "STARTED", null));
      LOG.info(
          "schedule {} due at {} started execution {}",
          triggerId,
          due.get(),
          execution.executionId());
      return true;
    } catch (DomainException | InvalidPipelineException e) {
      fires.record(triggerId, due.get(), null, e.getMessage());
      triggers.recordFire(
          stored.project(),
          stored.key(),
          new StoredTrigger.LastFire(now, null, "FAILED", e.getMessage()));
      LOG.warn(
          "schedule {} due at {} could not start a run: {}", triggerId, due.get(), e.getMessage());
      return false;
    }
  }
}
