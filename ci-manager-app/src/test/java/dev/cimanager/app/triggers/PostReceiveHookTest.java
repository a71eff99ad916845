package dev.cimanager.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code git push} end to end: a bare repository gets the hook {@code
 * examples/git-post-receive-hook.sh} writes; pushing a new commit posts a GitHub-signed push event
 * to the trigger, whose run builds and pushes exactly that commit with real buildah to a real
 * registry, and signs provenance naming the trigger and code.
 */
@IntegrationTest
class PostReceiveHookTest {

  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

  private static final String SECRET = "hook secret with spaces & symbols";
  private static final String PASSWORD = "cosign pass";
  private static final String PIPELINES = TriggersApiTest.PIPELINES;
  private static final Duration MAX_WAIT = Duration.ofMinutes(4);

  @TempDir static Path work;
  @TempDir static Path bare;

  private static ApiClient acme;

  @BeforeAll
  static void repositoryAccountPipelineAndTrigger() throws Exception {
    BuildFixtures.commitScratchImage(work);
    run(work, "git", "clone", "-q", "--bare", work.toString(), bare.toString());
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, REGISTRY.url(), bare.toUri());
    BuildFixtures.textSecret(acme, "github_webhook_secret", SECRET);
    CosignKeyPair keys = CosignKeys.generate(PASSWORD.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(acme, keys.privateKeyPem(), PASSWORD);
    String pipeline = Files.readString(examples().resolve("pipeline-slsa.yaml"));
    assertThat(acme.putYaml(PIPELINES + "build_app", pipeline).status()).isEqualTo(201);
    ApiResponse trigger =
        acme.putYaml(
            PIPELINES + "build_app/triggers/on_push_main",
            TriggersApiTest.webhookYaml(
                "on_push_main", "build_app", "Github", "Push", TriggersApiTest.MAIN_ONLY));
    assertThat(trigger.status()).as(trigger.toString()).isEqualTo(201);

    run(
        work,
        "bash",
        examples().resolve("git-post-receive-hook.sh").toString(),
        bare.toString(),
        APP.baseUrl() + trigger.json().get("webhookUrl").asText());
  }

  @Test
  void gitPush_startsARunOfThePushedCommit_thatSucceedsWithProvenanceNamingIt() throws Exception {
    Files.writeString(work.resolve("hello.txt"), "pushed\n");
    run(
        work,
        "git",
        "-c",
        "user.name=Dev",
        "-c",
        "user.email=dev@example.com",
        "commit",
        "-q",
        "-am",
        "pushed");
    String pushed = run(work, "git", "rev-parse", "HEAD").trim();

    String output = run(work, "git", "push", bare.toUri().toString(), "main");

    assertThat(output)
        .contains("ci-manager: refs/heads/main " + pushed.substring(0, 12) + " -> 202");
    JsonNode execution = awaitOnlyExecution();
    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    assertThat(execution.get("codebase").get("commitSha").asText()).isEqualTo(pushed);
    assertThat(execution.get("trigger").get("type").asText()).isEqualTo("WEBHOOK");
    assertThat(execution.get("trigger").get("triggeredBy").asText()).isEqualTo("ci-pusher");
    ApiResponse provenance =
        acme.get(
            "/api/v1/executions/"
                + execution.get("executionId").asText()
                + "/artifacts/build.BuildAndPush/provenance");
    assertThat(provenance.status()).as(provenance.toString()).isEqualTo(200);
    JsonNode external = provenance.json().at("/predicate/buildDefinition/externalParameters");
    assertThat(external.at("/triggerMetadata/triggerType").asText()).isEqualTo("WEBHOOK");
    assertThat(external.at("/triggerMetadata/triggeredBy").asText()).isEqualTo("ci-pusher");
    assertThat(external.at("/triggerMetadata/triggerEvent").asText()).isEqualTo("push");
    assertThat(external.at("/codeMetadata/branch").asText()).isEqualTo("main");
    assertThat(external.at("/codeMetadata/commitSha").asText()).isEqualTo(pushed);
  }

  private static JsonNode awaitOnlyExecution() throws InterruptedException {
    Instant deadline = Instant.now().plus(MAX_WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode executions = acme.get(PIPELINES + "build_app/executions").json().get("executions");
      if (executions.size() == 1) {
        String status = executions.get(0).get("status").asText();
        if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
          return executions.get(0);
        }
      }
      assertThat(executions.size()).isLessThanOrEqualTo(1);
      Thread.sleep(200);
    }
    throw new AssertionError("the pushed commit's run did not end within " + MAX_WAIT);
  }

  /**
   * Runs a command in {@code dir} (the pusher is "ci-pusher"); fails the test unless it exits 0.
   */
  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "CI_MANAGER_WEBHOOK_SECRET",
                SECRET,
                "CI_PUSHER",
                "ci-pusher",
                "GIT_TERMINAL_PROMPT",
                "0"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    return output;
  }

  /** {@code examples/} of the reactor root. */
  private static Path examples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("examples/git-post-receive-hook.sh"))) {
        return dir.resolve("examples");
      }
    }
    throw new IllegalStateException(
        "examples/git-post-receive-hook.sh not found above " + Path.of("").toAbsolutePath());
  }
}
