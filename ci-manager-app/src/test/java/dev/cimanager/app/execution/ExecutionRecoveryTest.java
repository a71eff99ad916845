package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.execution.Execution.StageRun;
import dev.cimanager.app.execution.Execution.StepRun;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExecutionRecoveryTest {

  @RegisterExtension static final TestApp APP = new TestApp();

  /**
   * The embedded database is this process's alone: a lease found at start-up belongs to a dead
   * process, so its execution is taken over at once (not after the lease expires) and failed, its
   * workspace deleted.
   */
  @Test
  void start_failsExecutionsADeadProcessLeftRunning() throws Exception {
    ApiClient acme = APP.newAccount();
    Instant started = Instant.parse("2026-01-02T03:04:05.678Z");
    StepRun runningStep =
        new StepRun(
            "BuildAndPush",
            "Build and Push",
            "BuildAndPushDockerRegistry",
            ExecutionStatus.RUNNING,
            null,
            started,
            null,
            null);
    StepRun queuedStep =
        new StepRun(
            "Later",
            "Later",
            "BuildAndPushDockerRegistry",
            ExecutionStatus.QUEUED,
            null,
            null,
            null,
            null);
    Execution running =
        execution(
            acme.accountId(),
            "crashed-running",
            1,
            ExecutionStatus.RUNNING,
            List.of(
                new StageRun(
                    "build",
                    "Build",
                    ExecutionStatus.RUNNING,
                    null,
                    started,
                    null,
                    List.of(runningStep, queuedStep)),
                new StageRun(
                    "deploy",
                    "Deploy",
                    ExecutionStatus.QUEUED,
                    null,
                    null,
                    null,
                    List.of(queuedStep))));
    APP.service(ExecutionStore.class).insert(running);
    // as a process that died mid-build leaves it: claimed, the lease still valid for an hour
    APP.service(MongoDatabase.class)
        .getCollection("execution_queue")
        .updateOne(
            Filters.eq("_id", "crashed-running"),
            Updates.combine(
                Updates.set("state", "RUNNING"),
                Updates.set("owner", "crashed-instance"),
                Updates.set("leaseUntil", Date.from(Instant.now().plus(Duration.ofHours(1)))),
                Updates.set("leaseVersion", 0L)));
    Path runningWorkspace = APP.dataDir().resolve("workspaces/crashed-running");
    Files.createDirectories(runningWorkspace.resolve("build/src"));
    Files.writeString(runningWorkspace.resolve("build/src/Dockerfile"), "FROM scratch\n");
    Path otherWorkspace = Files.createDirectories(APP.dataDir().resolve("workspaces/not-active"));

    APP.restart();
    acme = APP.client(acme.token());

    JsonNode afterRunning = acme.get("/api/v1/executions/crashed-running").json();
    assertThat(afterRunning.get("status").asText()).isEqualTo("FAILED");
    assertThat(afterRunning.get("failureMessage").asText())
        .isEqualTo("instance crashed-instance stopped while running this execution");
    assertThat(afterRunning.get("endedAt").isTextual()).isTrue();
    JsonNode build = afterRunning.get("stages").get(0);
    assertThat(build.get("status").asText()).isEqualTo("FAILED");
    assertThat(build.get("failureMessage").asText())
        .isEqualTo("instance crashed-instance stopped while running this execution");
    assertThat(build.get("steps").findValuesAsText("status")).containsExactly("FAILED", "SKIPPED");
    assertThat(build.get("steps").get(0).get("startedAt").asText())
        .isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(afterRunning.get("stages").get(1).get("status").asText()).isEqualTo("SKIPPED");
    assertThat(APP.service(ExecutionQueue.class).all()).isEmpty();
    assertThat(runningWorkspace).doesNotExist();
    assertThat(otherWorkspace).exists();
  }

  /**
   * An execution the single-instance version left unfinished (listed in active_executions) is
   * failed.
   */
  @Test
  void start_failsWhatTheEarlierVersionLeftActive() throws Exception {
    ApiClient acme = APP.newAccount();
    Execution left =
        execution(acme.accountId(), "legacy-running", 1, ExecutionStatus.RUNNING, List.of());
    MongoDatabase database = APP.service(MongoDatabase.class);
    database.getCollection("executions").insertOne(ExecutionDocuments.toDocument(left));
    database.getCollection("active_executions").insertOne(new Document("_id", "legacy-running"));

    APP.restart();
    acme = APP.client(acme.token());

    JsonNode after = acme.get("/api/v1/executions/legacy-running").json();
    assertThat(after.get("status").asText()).isEqualTo("FAILED");
    assertThat(after.get("failureMessage").asText())
        .isEqualTo("the server restarted while this execution was running");
    assertThat(APP.service(MongoDatabase.class).getCollection("active_executions").countDocuments())
        .isZero();
  }

  private static Execution execution(
      String accountId,
      String executionId,
      long sequenceId,
      ExecutionStatus status,
      List<StageRun> stages) {
    return new Execution(
        executionId,
        accountId,
        "default",
        "demo",
        "build_app",
        sequenceId,
        status,
        new Execution.Trigger(TriggerType.MANUAL, "Test User", null, null, null),
        null,
        "pipeline: {}\n",
        Instant.parse("2026-01-02T03:04:00Z"),
        null,
        null,
        null,
        stages,
        null);
  }
}
