package dev.cimanager.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.execution.ExecutionService;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules under an injected clock, against the running application's MongoDB and execution
 * service: a due time fires once, on one of two (or three racing) schedulers sharing the database;
 * a long outage starts one run, not a burst.
 */
@IntegrationTest
class TriggerSchedulerTest {

  @RegisterExtension
  static final TestApp APP = new TestApp().with("insecureRegistries", "127.0.0.1:1");

  private static final String PIPELINES = TriggersApiTest.PIPELINES;

  @TempDir static Path origin;

  private static ApiClient acme;

  @BeforeAll
  static void accountAndPipeline() throws Exception {
    BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:1"), origin.toUri());
  }

  private static void saveSchedule(
      String pipeline, String trigger, String expression, String timezone) {
    assertThat(acme.putYaml(PIPELINES + pipeline, TriggersApiTest.pipelineYaml(pipeline)).status())
        .isIn(200, 201);
    ApiResponse saved =
        acme.putYaml(
            PIPELINES + pipeline + "/triggers/" + trigger,
            """
        trigger:
          identifier: %s
          name: Nightly
          orgIdentifier: default
          projectIdentifier: demo
          pipelineIdentifier: %s
          source:
            type: Scheduled
            spec:
              type: Cron
              spec:
                expression: "%s"
                timezone: %s
        """
                .formatted(trigger, pipeline, expression, timezone));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
  }

  private static TriggerScheduler scheduler(Clock clock) {
    return new TriggerScheduler(
        APP.service(TriggerRepository.class),
        APP.service(TriggerParser.class),
        APP.service(ScheduleFires.class),
        APP.service(ExecutionService.class),
        clock,
        Duration.ofSeconds(1));
  }

  @Test
  void dueTime_firesOnceAcrossTwoSchedulers_asScheduledByTheTrigger() {
    saveSchedule("nightly_app", "nightly", "0 3 * * *", "Europe/Berlin");
    Instant due = CronSchedule.parse("0 3 * * *", "Europe/Berlin").nextDue(Instant.now(), 1).get(0);
    assertThat(due.atZone(ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(3);
    MutableClock clock = new MutableClock(due.minusMillis(1));
    TriggerScheduler one = scheduler(clock);
    TriggerScheduler other = scheduler(clock);

    one.tick();
    int early = executions("nightly_app").size();
    clock.set(due);
    one.tick();
    other.tick();
    int atDue = executions("nightly_app").size();
    clock.set(due.plusSeconds(1));
    one.tick();
    other.tick();

    // other tests' schedules share the database: count this trigger's runs, not the ticks'
    assertThat(early).isZero();
    assertThat(atDue).isEqualTo(1);
    List<JsonNode> runs = executions("nightly_app");
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).get("trigger").get("type").asText()).isEqualTo("SCHEDULED");
    assertThat(runs.get(0).get("trigger").get("triggeredBy").asText()).isEqualTo("nightly");
    JsonNode lastFired =
        acme.get(PIPELINES + "nightly_app/triggers/nightly").json().get("lastFired");
    assertThat(lastFired.get("result").asText()).isEqualTo("STARTED");
    assertThat(lastFired.get("executionId").asText())
        .isEqualTo(runs.get(0).get("executionId").asText());
  }

  @Test
  void dueTime_firesOnceWhenThreeSchedulersTickAtTheSameMoment() throws Exception {
    saveSchedule("race_app", "race", "30 4 * * *", "UTC");
    Instant due = CronSchedule.parse("30 4 * * *", "UTC").nextDue(Instant.now(), 1).get(0);
    MutableClock clock = new MutableClock(due.minusMillis(1));
    List<TriggerScheduler> schedulers =
        List.of(scheduler(clock), scheduler(clock), scheduler(clock));
    schedulers.forEach(TriggerScheduler::tick);
    clock.set(due);

    // three instances' schedulers on one database reach the due time together: the claim lets one
    // start it
    CyclicBarrier together = new CyclicBarrier(schedulers.size());
    ExecutorService threads = Executors.newFixedThreadPool(schedulers.size());
    try {
      List<Future<?>> ticks = new ArrayList<>();
      for (TriggerScheduler scheduler : schedulers) {
        ticks.add(
            threads.submit(
                () -> {
                  together.await();
                  scheduler.tick();
                  return null;
                }));
      }
      for (Future<?> tick : ticks) {
        tick.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(executions("race_app")).hasSize(1);
  }

  @Test
  void missedDueTimes_startOneRunNotABurst() {
    saveSchedule("hourly_app", "hourly", "0 * * * *", "UTC");
    List<Instant> due = CronSchedule.parse("0 * * * *", "UTC").nextDue(Instant.now(), 9);
    // no instance ran through five due times; one comes up half an hour after the fifth
    MutableClock clock = new MutableClock(due.get(4).plus(Duration.ofMinutes(30)));

    scheduler(clock).tick();
    int caughtUp = executions("hourly_app").size();
    scheduler(clock).tick();
    int again = executions("hourly_app").size();
    clock.set(due.get(5));
    scheduler(clock).tick();

    assertThat(caughtUp).isEqualTo(1);
    assertThat(again).isEqualTo(1);
    assertThat(executions("hourly_app")).hasSize(2);
    // claims due more than an hour before the latest are pruned: a trigger keeps a handful of
    // documents
    clock.set(due.get(8));
    scheduler(clock).tick();
    assertThat(executions("hourly_app")).hasSize(3);
    assertThat(
            APP.service(com.mongodb.client.MongoDatabase.class)
                .getCollection("schedule_fires")
                .countDocuments(com.mongodb.client.model.Filters.regex("_id", "/hourly@")))
        .isEqualTo(1);
  }

  @Test
  void justSavedSchedule_doesNotCatchUpOnEarlierDueTimes() {
    saveSchedule("quiet_app", "quiet", "* * * * *", "UTC");
    // the due time at which it was saved, and those before, are not caught up on
    MutableClock clock =
        new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));

    scheduler(clock).tick();
    assertThat(executions("quiet_app")).isEmpty();
  }

  private static List<JsonNode> executions(String pipeline) {
    ApiResponse list = acme.get(PIPELINES + pipeline + "/executions");
    assertThat(list.status()).isEqualTo(200);
    List<JsonNode> runs = new java.util.ArrayList<>();
    list.json().get("executions").forEach(runs::add);
    return runs;
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
