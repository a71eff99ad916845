package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class RerunApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  /**
   * Its signing key secret is deleted after saving, so each run clones the codebase and then fails
   * its step before building anything: quick, and the clone's commit is recorded.
   */
  private static final String YAML =
      TestPipeline.buildAndPush("app")
          .name("App")
          .codebase("repo")
          .slsa(true, "account.gone_key", "account.pw")
          .step("push", "Push")
          .registry("account.reg")
          .tags("1")
          .yaml();

  @TempDir Path origin;

  @Test
  void rerun_buildsTheOriginalCommitAndYaml_notTheBranchHeadNorLaterEdits() throws Exception {
    RevCommit first = BuildFixtures.commitScratchImage(origin);
    ApiClient acme = APP.newAccount();
    BuildFixtures.project(acme, "demo");
    BuildFixtures.gitConnector(acme, "/orgs/default/projects/demo", "repo", origin.toUri());
    BuildFixtures.registryConnector(acme, "", "reg", URI.create("http://127.0.0.1:9"));
    BuildFixtures.fileSecret(acme, "gone_key", "not a key".getBytes());
    BuildFixtures.textSecret(acme, "pw", "pw");
    acme.putYaml("/api/v1/orgs/default/projects/demo/pipelines/app", YAML).expect(201);
    assertThat(acme.delete("/api/v1/secrets/gone_key").status()).isEqualTo(204);
    String original =
        acme.postJson("/api/v1/orgs/default/projects/demo/pipelines/app/executions", Map.of())
            .json()
            .get("executionId")
            .asText();
    assertThat(ended(acme, original).at("/codebase/commitSha").asText()).isEqualTo(first.name());
    try (Git git = Git.open(origin.toFile())) { // the branch moves on
      Files.writeString(origin.resolve("later.txt"), "later\n");
      git.add().addFilepattern("later.txt").call();
      git.commit()
          .setMessage("later")
          .setAuthor("Dev", "dev@example.com")
          .setCommitter("Dev", "dev@example.com")
          .call();
    }
    acme.putYaml(
        "/api/v1/orgs/default/projects/demo/pipelines/app",
        YAML.replace("name: Push", "name: Edited"));

    ApiResponse rerun = acme.postJson("/api/v1/executions/" + original + "/rerun", Map.of());

    assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
    String second = rerun.json().get("executionId").asText();
    assertThat(second).isNotEqualTo(original);
    JsonNode execution = ended(acme, second);
    assertThat(execution.at("/codebase/commitSha").asText()).isEqualTo(first.name());
    assertThat(execution.at("/codebase/branch").asText()).isEqualTo("main");
    assertThat(execution.at("/stages/0/steps/0/name").asText())
        .as("the original's YAML")
        .isEqualTo("Push");
    assertThat(execution.get("sequenceId").asLong()).isEqualTo(2);
    assertThat(execution.at("/trigger/type").asText()).isEqualTo("MANUAL");
    assertThat(acme.get("/api/v1/executions/" + second + "/stages/build/steps/push/logs").body())
        .contains("checked out commit " + first.name());
  }

  @Test
  void rerun_unknownOrForeignExecution() {
    ApiClient acme = APP.newAccount();
    assertThat(acme.postJson("/api/v1/executions/nope/rerun", Map.of()).code())
        .isEqualTo("EXECUTION_NOT_FOUND");
    assertThat(APP.newAccount().postJson("/api/v1/executions/nope/rerun", Map.of()).status())
        .isEqualTo(404);
  }

  private static JsonNode ended(ApiClient client, String executionId) {
    return ExecutionFixtures.awaitEnd(client, executionId, Duration.ofMinutes(2));
  }
}
