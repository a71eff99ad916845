package dev.cimanager.app.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How long after its due time a schedule's run starts: the running application with the real clock,
 * a {@code * * * * *} schedule, the delay of each run's {@code startedAt} after the minute it was
 * due.
 *
 * <pre>
 * ./scripts/bench.sh schedule     # 3 due times, about 3 minutes
 * </pre>
 */
public final class ScheduleBenchmark {

  private ScheduleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int dueTimes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    TestApp app = new TestApp().with("insecureRegistries", "127.0.0.1:1");
    Path origin = Files.createTempDirectory("schedule-bench-");
    app.beforeAll(null);
    try {
      BuildFixtures.commitScratchImage(origin);
      ApiClient acme = app.newAccount();
      BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:1"), origin.toUri());
      String pipelines = TriggersApiTest.PIPELINES;
      acme.putYaml(
          pipelines + "build_app",
          TriggersApiTest.pipelineYaml("build_app")
              .replace("cloneCodebase: true", "cloneCodebase: false"));
      ApiResponse saved =
          acme.putYaml(
              pipelines + "build_app/triggers/every_minute",
              """
          trigger:
            identifier: every_minute
            orgIdentifier: default
            projectIdentifier: demo
            pipelineIdentifier: build_app
            source:
              type: Scheduled
              spec:
                type: Cron
                spec:
                  expression: "* * * * *"
          """);
      if (saved.status() != 201) {
        throw new IllegalStateException("saving the schedule failed: " + saved);
      }
      Instant deadline = Instant.now().plus(Duration.ofMinutes(dueTimes + 1));
      int seen = 0;
      while (seen < dueTimes && Instant.now().isBefore(deadline)) {
        JsonNode runs = acme.get(pipelines + "build_app/executions").json().get("executions");
        for (int i = runs.size() - 1 - seen; i >= 0; i--, seen++) {
          Instant started = Instant.parse(runs.get(i).get("startedAt").asText());
          Instant due = started.truncatedTo(ChronoUnit.MINUTES);
          System.out.printf(
              Locale.ROOT,
              "due %s  run started %s  delay %d ms%n",
              due,
              started,
              Duration.between(due, started).toMillis());
        }
        Thread.sleep(200);
      }
    } finally {
      app.afterAll(null);
    }
  }
}
