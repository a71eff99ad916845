package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.HeldGitServer;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aborting and fair claiming on one instance with one worker, through the public API: real buildah
 * (a build that sleeps, so it is still running when aborted), a real registry, a Git server that
 * holds the worker as long as a test needs.
 */
@IntegrationTest
class ExecutionSchedulingTest {
  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension
  static final TestApp APP =
      new TestApp()
          .pushingTo(REGISTRY)
          .with("execution.workers", "1")
          .with("execution.maxQueued", "100")
          .with("execution.renewInterval", "500ms");

  private static final Duration MAX_WAIT = Duration.ofMinutes(2);

  /** An unusual number, so the test finds its own sleeping build among the machine's processes. */
  private static final int SLEEP_SECONDS = 97;

  @TempDir static Path slowRepo;

  @Test
  void abort_queuedAtOnceRunningWithinSecondsKillingTheBuild_thenEndedAnswers409()
      throws Exception {
    ExecutionFixtures.commitSleepingImage(slowRepo, SLEEP_SECONDS);
    ApiClient acme = APP.newAccount();
    ApiClient other = APP.newAccount();
    BuildFixtures.project(acme, "demo");
    BuildFixtures.registryConnector(acme, "", "local_registry", REGISTRY.url());
    BuildFixtures.gitConnector(acme, "", "slow_repo", slowRepo.toUri());
    ExecutionFixtures.pipeline("slow", "slow_repo", "demo/slow", false).save(acme);

    String running = ExecutionFixtures.started(acme, "slow");
    awaitLog(acme, running, "STEP 3/3");
    String queued = ExecutionFixtures.started(acme, "slow");
    assertThat(acme.get("/api/v1/executions/" + queued).json().get("status").asText())
        .isEqualTo("QUEUED");

    ApiResponse abortQueued = acme.postJson("/api/v1/executions/" + queued + "/abort", "");
    assertThat(abortQueued.status()).as(abortQueued.toString()).isEqualTo(202);
    assertThat(abortQueued.json().get("status").asText()).isEqualTo("ABORTED");
    assertThat(abortQueued.json().get("abortedBy").asText()).isEqualTo("Test User");
    assertThat(abortQueued.json().at("/stages/0/status").asText()).isEqualTo("SKIPPED");

    ApiResponse foreign = other.postJson("/api/v1/executions/" + running + "/abort", "");
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
    assertThat(foreign.code()).isEqualTo("EXECUTION_NOT_FOUND");

    awaitSleepingBuild();
    Instant asked = Instant.now();
    ApiResponse abortRunning = acme.postJson("/api/v1/executions/" + running + "/abort", "");
    assertThat(abortRunning.status()).as(abortRunning.toString()).isEqualTo(202);
    JsonNode aborted = ExecutionFixtures.awaitEnd(acme, running, MAX_WAIT);
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(20));
    assertThat(aborted.get("status").asText()).isEqualTo("ABORTED");
    assertThat(aborted.get("abortedBy").asText()).isEqualTo("Test User");
    assertThat(aborted.get("failureMessage").isNull()).isTrue();
    assertThat(aborted.at("/stages/0/status").asText()).isEqualTo("ABORTED");
    assertThat(aborted.at("/stages/0/steps/0/status").asText()).isEqualTo("ABORTED");
    assertThat(ExecutionFixtures.buildLog(acme, running))
        .contains("Step stopped: aborted by Test User");
    assertThat(sleepingBuilds()).as("buildah and its RUN were killed").isEmpty();

    for (String ended : List.of(queued, running)) {
      ApiResponse again = acme.postJson("/api/v1/executions/" + ended + "/abort", "");
      assertThat(again.status()).as(again.toString()).isEqualTo(409);
      assertThat(again.code()).isEqualTo("EXECUTION_ENDED");
      assertThat(again.message())
          .isEqualTo(
              "execution '"
                  + ended
                  + "' already ended with status ABORTED;"
                  + " only a QUEUED or RUNNING execution can be aborted");
    }
  }

  /** Account A's 100 queued runs delay account B's one run by at most one slot. */
  @Test
  void claims_anotherAccountsBacklog_delaysARunByAtMostOneSlot() throws Exception {
    try (HeldGitServer git = new HeldGitServer()) {
      ApiClient a = APP.newAccount();
      ApiClient b = APP.newAccount();
      for (ApiClient account : List.of(a, b)) {
        BuildFixtures.project(account, "demo");
        BuildFixtures.registryConnector(account, "", "local_registry", REGISTRY.url());
        // nothing listens there: these clones fail at once, each run takes a slot for a moment
        BuildFixtures.gitConnector(
            account, "", "gone_repo", URI.create("http://127.0.0.1:1/app.git"));
        ExecutionFixtures.pipeline("quick", "gone_repo", "demo/quick", false).save(account);
      }
      BuildFixtures.gitConnector(a, "", "held_repo", git.url());
      ExecutionFixtures.pipeline("held", "held_repo", "demo/held", false).save(a);

      String holder = ExecutionFixtures.started(a, "held");
      assertThat(git.connected.await(1, TimeUnit.MINUTES)).as("the worker is held").isTrue();
      List<String> backlog = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        backlog.add(ExecutionFixtures.started(a, "quick"));
      }
      String late = ExecutionFixtures.started(b, "quick");
      git.release();

      ExecutionFixtures.awaitEnd(a, holder, MAX_WAIT);
      Instant lateStarted = stageStart(ExecutionFixtures.awaitEnd(b, late, MAX_WAIT));
      long before = 0;
      for (String id : backlog) {
        if (stageStart(ExecutionFixtures.awaitEnd(a, id, MAX_WAIT)).isBefore(lateStarted)) {
          before++;
        }
      }
      assertThat(before)
          .as("runs of account A that started before account B's")
          .isLessThanOrEqualTo(1);
    }
  }

  private static Instant stageStart(JsonNode execution) {
    return Instant.parse(execution.at("/stages/0/startedAt").asText());
  }

  private static void awaitLog(ApiClient client, String executionId, String text) {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String log = ExecutionFixtures.buildLog(client, executionId);
      if (log.contains(text)) {
        return;
      }
      ExecutionFixtures.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("the log of " + executionId + " never showed " + text);
  }

  private static void awaitSleepingBuild() {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    while (sleepingBuilds().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the build's RUN never started");
      }
      ExecutionFixtures.sleep(Duration.ofMillis(100));
    }
  }

  private static List<ProcessHandle> sleepingBuilds() {
    return ProcessHandle.allProcesses()
        .filter(
            process -> process.info().commandLine().orElse("").contains("sleep " + SLEEP_SECONDS))
        .toList();
  }
}
