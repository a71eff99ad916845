package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step logs through the public API: read with {@code ?from=N} while the step runs (stored in
 * MongoDB as they come, not when the step ends), {@code X-Next-Line}/{@code X-Log-Complete}, and a
 * log over {@code execution.maxStepLogBytes} ending with its truncation line.
 */
@IntegrationTest
class StepLogApiTest {

  private static final LocalRegistry REGISTRY = LocalRegistry.start();
  private static final long MAX_LOG_BYTES = 64 * 1024;

  @RegisterExtension
  static final TestApp APP =
      new TestApp()
          .pushingTo(REGISTRY)
          .with("execution.maxStepLogBytes", Long.toString(MAX_LOG_BYTES));

  private static final Duration MAX_WAIT = Duration.ofMinutes(3);

  /** 500 numbered lines, a pause long enough to read the log while the step runs, one more line. */
  private static final String SLOW =
      """
      FROM scratch
      COPY busybox /bin/busybox
      RUN ["/bin/busybox", "sh", "-c", "i=0; while [ $i -lt 500 ]; do echo \\"out $i\\"; i=$((i+1)); done; \
      /bin/busybox sleep 4; echo 'out end'"]
      """;

  /** About 400 KB of output, far over the test's 64 KiB limit. */
  private static final String LOUD =
      """
      FROM scratch
      COPY busybox /bin/busybox
      RUN ["/bin/busybox", "sh", "-c", "i=0; while [ $i -lt 20000 ]; do echo \\"noise line $i\\"; i=$((i+1)); done"]
      """;

  @TempDir static Path slowRepo;

  @TempDir static Path loudRepo;

  private static ApiClient tenant;

  @BeforeAll
  static void repositories() throws Exception {
    for (Map.Entry<Path, String> repo : Map.of(slowRepo, SLOW, loudRepo, LOUD).entrySet()) {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("Dockerfile", repo.getValue().getBytes(StandardCharsets.UTF_8));
      files.put("busybox", Files.readAllBytes(Path.of("/bin/busybox")));
      BuildFixtures.commitFiles(repo.getKey(), files);
    }
    tenant = APP.newAccount();
    BuildFixtures.project(tenant, "demo");
    BuildFixtures.registryConnector(tenant, "", "local_registry", REGISTRY.url());
    BuildFixtures.gitConnector(
        tenant, "/orgs/default/projects/demo", "slow_repo", slowRepo.toUri());
    BuildFixtures.gitConnector(
        tenant, "/orgs/default/projects/demo", "loud_repo", loudRepo.toUri());
  }

  @Test
  void from_readsTheLogWhileTheStepRuns_inPieces_thatAddUpToTheWholeLog() throws Exception {
    String executionId = start("slow", "slow_repo");
    String logs = "/api/v1/executions/" + executionId + "/stages/build/steps/BuildAndPush/logs";
    StringBuilder pieces = new StringBuilder();
    int next = 0;
    boolean sawRunningWithLines = false;
    boolean storedWhileRunning = false;
    Instant deadline = Instant.now().plus(MAX_WAIT);
    while (true) {
      assertThat(Instant.now()).isBefore(deadline);
      ApiResponse piece = tenant.get(logs + "?from=" + next);
      assertThat(piece.status()).as(piece.toString()).isEqualTo(200);
      assertThat(piece.header("Content-Type")).startsWith("text/plain");
      int nextLine = Integer.parseInt(piece.header("X-Next-Line"));
      boolean complete = Boolean.parseBoolean(piece.header("X-Log-Complete"));
      long lines = piece.body().isEmpty() ? 0 : piece.body().split("\n", -1).length - 1;
      assertThat(nextLine).isEqualTo(next + lines);
      pieces.append(piece.body());
      next = nextLine;
      if (!complete && pieces.toString().contains("out 499")) {
        sawRunningWithLines = true;
        storedWhileRunning |=
            APP.service(MongoDatabase.class)
                    .getCollection("step_log_chunks")
                    .countDocuments(Filters.eq("_id", executionId + "/build/BuildAndPush#0"))
                == 1;
      }
      if (complete) {
        break;
      }
      Thread.sleep(300);
    }

    JsonNode execution = tenant.get("/api/v1/executions/" + executionId).json();
    assertThat(execution.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(sawRunningWithLines).as("lines were readable while the step ran").isTrue();
    assertThat(storedWhileRunning).as("lines reached MongoDB while the step ran").isTrue();
    ApiResponse whole = tenant.get(logs);
    assertThat(whole.header("X-Next-Line")).isNull();
    assertThat(whole.header("X-Log-Complete")).isNull();
    assertThat(pieces.toString())
        .isEqualTo(whole.body())
        .contains("out 0\n", "out 499\n", "out end\n");
    List<String> lines = Arrays.asList(whole.body().split("\n"));
    ApiResponse fromMiddle = tenant.get(logs + "?from=3");
    assertThat(fromMiddle.body())
        .isEqualTo(String.join("\n", lines.subList(3, lines.size())) + "\n");
    assertThat(fromMiddle.header("X-Next-Line")).isEqualTo(Integer.toString(lines.size()));
    assertThat(fromMiddle.header("X-Log-Complete")).isEqualTo("true");
    ApiResponse pastTheEnd = tenant.get(logs + "?from=" + (lines.size() + 5));
    assertThat(pastTheEnd.body()).isEmpty();
    assertThat(pastTheEnd.header("X-Next-Line")).isEqualTo(Integer.toString(lines.size() + 5));
  }

  @Test
  void aLogOverTheLimit_endsWithTheTruncationLine_andTheStepStillSucceeds() throws Exception {
    String executionId = start("loud", "loud_repo");
    JsonNode execution = ExecutionFixtures.awaitEnd(tenant, executionId, MAX_WAIT);
    String log = ExecutionFixtures.buildLog(tenant, executionId);

    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    assertThat(log.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo((int) MAX_LOG_BYTES + 200);
    assertThat(log)
        .contains("noise line 0\n")
        .doesNotContain("noise line 19999")
        .endsWith(
            "(log truncated: this step's log reached its limit of "
                + MAX_LOG_BYTES
                + " bytes; later lines are not stored)\n");
  }

  @Test
  void from_badValues_answer400() {
    String executionId = start("slow", "slow_repo");
    String logs = "/api/v1/executions/" + executionId + "/stages/build/steps/BuildAndPush/logs";
    List<String> codes = new ArrayList<>();
    for (String bad : List.of("-1", "abc", "1.5", "99999999999")) {
      ApiResponse response = tenant.get(logs + "?from=" + bad);
      assertThat(response.status()).as(bad).isEqualTo(400);
      assertThat(response.message()).as(bad).startsWith("from: must be a line number");
      codes.add(response.code());
    }
    assertThat(codes).containsOnly("INVALID_QUERY_PARAMETER");
  }

  private static String start(String pipeline, String repo) {
    if (tenant.get("/api/v1/orgs/default/projects/demo/pipelines/" + pipeline).status() == 404) {
      TestPipeline.buildAndPush(pipeline)
          .name("Logs")
          .codebase(repo)
          .repo("logs/" + pipeline)
          .tags("1")
          .save(tenant);
    }
    return ExecutionFixtures.started(tenant, pipeline);
  }
}
