package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RerunApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  /** Its Git repository does not exist: each run fails at the clone, quickly and without building. */
  private static final String YAML = """
      pipeline:
        identifier: app
        name: App
        orgIdentifier: default
        projectIdentifier: demo
        properties:
          ci:
            codebase:
              connectorRef: repo
              build:
                type: branch
                spec:
                  branch: main
        stages:
          - stage:
              identifier: build
              name: Build
              type: CI
              spec:
                cloneCodebase: true
                execution:
                  steps:
                    - step:
                        identifier: push
                        name: Push
                        type: BuildAndPushDockerRegistry
                        spec:
                          connectorRef: account.reg
                          repo: demo/app
                          tags: ["1"]
      """;

  @Test
  void rerun_startsTheSamePipelineWithTheSameBranch() {
    ApiClient acme = APP.newAccount();
    BuildFixtures.project(acme, "demo");
    BuildFixtures.gitConnector(acme, "/orgs/default/projects/demo", "repo", URI.create("file:///nonexistent/repo.git"));
    BuildFixtures.registryConnector(acme, "", "reg", URI.create("http://127.0.0.1:9"));
    assertThat(acme.putYaml("/api/v1/orgs/default/projects/demo/pipelines/app", YAML).status()).isEqualTo(201);
    String first = acme.postJson("/api/v1/orgs/default/projects/demo/pipelines/app/executions",
        Map.of("branch", "release")).json().get("executionId").asText();

    ApiResponse rerun = acme.postJson("/api/v1/executions/" + first + "/rerun", Map.of());

    assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
    String second = rerun.json().get("executionId").asText();
    assertThat(second).isNotEqualTo(first);
    var execution = acme.get("/api/v1/executions/" + second).json();
    assertThat(execution.get("pipelineIdentifier").asText()).isEqualTo("app");
    assertThat(execution.get("sequenceId").asLong()).isEqualTo(2);
    assertThat(execution.at("/trigger/type").asText()).isEqualTo("MANUAL");
    assertThat(acme.postJson("/api/v1/executions/nope/rerun", Map.of()).code()).isEqualTo("EXECUTION_NOT_FOUND");
    assertThat(APP.newAccount().postJson("/api/v1/executions/" + first + "/rerun", Map.of()).status()).isEqualTo(404);
  }
}
