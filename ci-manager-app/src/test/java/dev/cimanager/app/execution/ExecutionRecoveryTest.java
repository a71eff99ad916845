package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.execution.Execution.StageRun;
import dev.cimanager.app.execution.Execution.StepRun;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExecutionRecoveryTest {

  @RegisterExtension
  static final TestApp APP = new TestApp();

  @Test
  void start_failsExecutionsACrashLeftRunningOrQueued() throws Exception {
    ApiClient acme = APP.newAccount();
    Instant started = Instant.parse("2026-01-02T03:04:05.678Z");
    StepRun runningStep = new StepRun("BuildAndPush", "Build and Push", "BuildAndPushDockerRegistry",
        ExecutionStatus.RUNNING, null, started, null, null);
    StepRun queuedStep = new StepRun("Later", "Later", "BuildAndPushDockerRegistry", ExecutionStatus.QUEUED, null, null, null, null);
    Execution running = execution(acme.accountId(), "crashed-running", 1, ExecutionStatus.RUNNING, List.of(
        new StageRun("build", "Build", ExecutionStatus.RUNNING, null, started, null, List.of(runningStep, queuedStep)),
        new StageRun("deploy", "Deploy", ExecutionStatus.QUEUED, null, null, null, List.of(queuedStep))));
    Execution queued = execution(acme.accountId(), "crashed-queued", 2, ExecutionStatus.QUEUED, List.of(
        new StageRun("build", "Build", ExecutionStatus.QUEUED, null, null, null, List.of(queuedStep))));
    APP.service(ExecutionStore.class).insert(running);
    APP.service(ExecutionStore.class).insert(queued);
    Path runningWorkspace = APP.dataDir().resolve("workspaces/crashed-running");
    Files.createDirectories(runningWorkspace.resolve("build/src"));
    Files.writeString(runningWorkspace.resolve("build/src/Dockerfile"), "FROM scratch\n");
    Path queuedWorkspace = Files.createDirectories(APP.dataDir().resolve("workspaces/crashed-queued"));
    Path otherWorkspace = Files.createDirectories(APP.dataDir().resolve("workspaces/not-active"));

    APP.restart();
    acme = APP.client(acme.token());

    JsonNode afterRunning = acme.get("/api/v1/executions/crashed-running").json();
    assertThat(afterRunning.get("status").asText()).isEqualTo("FAILED");
    assertThat(afterRunning.get("failureMessage").asText())
        .isEqualTo("the server restarted while this execution was running");
    assertThat(afterRunning.get("endedAt").isTextual()).isTrue();
    JsonNode build = afterRunning.get("stages").get(0);
    assertThat(build.get("status").asText()).isEqualTo("FAILED");
    assertThat(build.get("failureMessage").asText()).isEqualTo("the server restarted while this execution was running");
    assertThat(build.get("steps").findValuesAsText("status")).containsExactly("FAILED", "SKIPPED");
    assertThat(build.get("steps").get(0).get("startedAt").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(afterRunning.get("stages").get(1).get("status").asText()).isEqualTo("SKIPPED");
    JsonNode afterQueued = acme.get("/api/v1/executions/crashed-queued").json();
    assertThat(afterQueued.get("status").asText()).isEqualTo("FAILED");
    assertThat(afterQueued.get("failureMessage").asText())
        .isEqualTo("the server restarted before this execution could run");
    assertThat(APP.service(ExecutionStore.class).activeExecutionIds()).isEmpty();
    assertThat(runningWorkspace).doesNotExist();
    assertThat(queuedWorkspace).doesNotExist();
    assertThat(otherWorkspace).exists();
  }

  private static Execution execution(String accountId, String executionId, long sequenceId, ExecutionStatus status,
      List<StageRun> stages) {
    return new Execution(executionId, accountId, "default", "demo", "build_app", sequenceId, status,
        new Execution.Trigger(TriggerType.MANUAL, "Test User", null), null, "pipeline: {}\n",
        Instant.parse("2026-01-02T03:04:00Z"), null, null, null, stages);
  }
}
