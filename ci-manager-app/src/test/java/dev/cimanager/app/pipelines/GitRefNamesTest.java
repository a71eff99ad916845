package dev.cimanager.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Branch and tag names: the same rule at pipeline save as at run. */
class GitRefNamesTest {
  @RegisterExtension static final TestApp APP = new TestApp();
  private static final String PIPELINE = "/api/v1/orgs/default/projects/demo/pipelines/build_app";
  private static ApiClient acme;

  @BeforeAll
  static void project() throws Exception {
    acme = APP.newAccount();
    BuildFixtures.demoProject(
        acme,
        URI.create("http://127.0.0.1:5000"),
        TestApp.localGitFolder(acme.accountId()).resolve("app.git").toUri());
    BuildFixtures.cosignSecrets(acme, new byte[] {1}, "pw");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--upload-pack=touch /tmp/pwned",
        "-main",
        ".hidden",
        "a..b",
        "with space",
        "tab\there",
        "new\nline"
      })
  void invalidNames_refusedAtSaveAndAtRun(String name) throws Exception {
    String yaml =
        PipelineParserTest.example()
            .replace(
                "branch: main",
                "branch: \"" + name.replace("\t", "\\t").replace("\n", "\\n") + "\"");

    ApiResponse saved = acme.putYaml(PIPELINE, yaml);

    assertThat(saved.status()).as(saved.toString()).isEqualTo(400);
    assertThat(saved.json().get("errors").get(0).get("path").asText())
        .isEqualTo("pipeline.properties.ci.codebase.build.spec.branch");
    assertThat(saved.message()).contains("is not a valid branch name").doesNotContain("\n");
    assertThat(GitRefNames.isValid(name)).isFalse();
    assertThat(acme.get(PIPELINE).status()).isEqualTo(404);
  }

  @Test
  void runApi_usesTheSameRule() throws Exception {
    assertThat(acme.putYaml(PIPELINE, PipelineParserTest.example()).status()).isIn(200, 201);

    ApiResponse run = acme.postJson(PIPELINE + "/executions", Map.of("branch", "--upload-pack=x"));

    assertThat(run.status()).isEqualTo(400);
    assertThat(run.message()).contains("branch").contains("is not a valid branch name");
  }

  @Test
  void ordinaryNames_areValid() {
    for (String name : new String[] {"main", "feature/x-1.2", "release_2024", "v1.0.0", "0abc"}) {
      assertThat(GitRefNames.isValid(name)).as(name).isTrue();
    }
  }
}
