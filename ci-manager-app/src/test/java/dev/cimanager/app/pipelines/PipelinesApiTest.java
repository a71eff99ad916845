package dev.cimanager.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelinesApiTest {

  @RegisterExtension static final TestApp APP = new TestApp();

  private static final String PATH = "/api/v1/orgs/default/projects/demo/pipelines";

  private static ApiClient acme;
  private static String example;

  @BeforeAll
  static void createProjectAndConnectors() throws IOException {
    example = PipelineParserTest.example();
    acme = APP.newAccount();
    BuildFixtures.demoProject(
        acme,
        URI.create("http://127.0.0.1:5000"),
        TestApp.localGitFolder(acme.accountId()).resolve("app.git").toUri());
    // the SLSA secrets the example names; saving checks they exist with the right type
    BuildFixtures.cosignSecrets(acme, new byte[] {1}, "pw");
  }

  @Test
  void put_createsThenReplaces_andGetServesTheYamlAsStored() {
    String path = "/api/v1/orgs/default/projects/demo/pipelines/build_app";

    ApiResponse created = acme.putYaml(path, example);
    ApiResponse replaced =
        acme.putYaml(path, example.replace("name: Build app", "name: Build the app"));
    ApiResponse yaml = acme.get(path);
    ApiResponse list = acme.get(PATH);

    created.expect(201);
    assertThat(created.json().get("identifier").asText()).isEqualTo("build_app");
    assertThat(created.json().get("orgIdentifier").asText()).isEqualTo("default");
    assertThat(created.json().get("projectIdentifier").asText()).isEqualTo("demo");
    replaced.expect(200);
    assertThat(replaced.json().get("createdAt").asText())
        .isEqualTo(created.json().get("createdAt").asText());
    yaml.expect(200);
    assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
    assertThat(yaml.body()).isEqualTo(example.replace("name: Build app", "name: Build the app"));
    JsonNode listed = null;
    for (JsonNode pipeline : list.json().get("pipelines")) {
      if (pipeline.get("identifier").asText().equals("build_app")) {
        listed = pipeline;
      }
    }
    assertThat(listed).as(list.toString()).isNotNull();
    assertThat(listed.get("name").asText()).isEqualTo("Build the app");
    assertThat(listed.get("updatedAt").asText())
        .isEqualTo(replaced.json().get("updatedAt").asText());
  }

  @Test
  void put_invalidYaml_listsEveryProblemWithItsPath() {
    String yaml =
        example
            .replace("private_key: account.cosign_private_key", "private_key: \"\"")
            .replace("type: BuildAndPushDockerRegistry", "type: Foo");

    ApiResponse response = acme.putYaml(PATH + "/build_app", yaml);

    response.expect(400);
    assertThat(response.code()).isEqualTo("INVALID_PIPELINE");
    assertThat(response.message())
        .isEqualTo(
            "The pipeline YAML has 2 problems: "
                + "pipeline.stages[0].stage.spec.slsa_provenance.attestation.spec.private_key: Private key is required; "
                + "pipeline.stages[0].stage.spec.execution.steps[0].step.type: unknown step type 'Foo': "
                + "supported step types: BuildAndPushDockerRegistry, SlsaVerification");
    assertThat(response.json().get("errors").get(1).get("path").asText())
        .isEqualTo("pipeline.stages[0].stage.spec.execution.steps[0].step.type");
  }

  @Test
  void put_missingOrWrongConnectors() {
    String yaml =
        example
            .replace("connectorRef: app_repo", "connectorRef: account.local_registry")
            .replace("connectorRef: account.local_registry   #", "connectorRef: org.nope   #")
            .replace("identifier: build_app", "identifier: wrong_refs");

    ApiResponse response = acme.putYaml(PATH + "/wrong_refs", yaml);

    response.expect(400);
    assertThat(response.code()).isEqualTo("INVALID_PIPELINE");
    assertThat(response.json().get("errors").findValuesAsText("path"))
        .containsExactly(
            "pipeline.properties.ci.codebase.connectorRef",
            "pipeline.stages[0].stage.spec.execution.steps[0].step.spec.connectorRef");
    assertThat(response.message())
        .contains(
            "connector account.local_registry is a DockerRegistry connector but a Git connector is required")
        .contains("connector org.nope not found");
    acme.get(PATH + "/wrong_refs").expect(404);
  }

  @Test
  void put_slsaSecretsMissingOrOfTheWrongType() {
    String yaml =
        example
            .replace("private_key: account.cosign_private_key", "private_key: org.no_such_key")
            .replace("password: account.cosign_password", "password: account.cosign_private_key")
            .replace("identifier: build_app", "identifier: wrong_secrets");

    ApiResponse response = acme.putYaml(PATH + "/wrong_secrets", yaml);

    response.expect(400);
    assertThat(response.code()).isEqualTo("INVALID_PIPELINE");
    assertThat(response.json().get("errors").findValuesAsText("path"))
        .containsExactly(
            "pipeline.stages[0].stage.spec.slsa_provenance.attestation.spec.private_key",
            "pipeline.stages[0].stage.spec.slsa_provenance.attestation.spec.password");
    assertThat(response.message())
        .contains("spec.private_key: secret org.no_such_key not found")
        .contains(
            "spec.password: secret account.cosign_private_key is a SecretFile but a SecretText is required");
    acme.get(PATH + "/wrong_secrets").expect(404);
  }

  @Test
  void put_pathDoesNotMatchYaml() {
    ApiResponse response = acme.putYaml(PATH + "/other_pipeline", example);

    response.expect(400);
    assertThat(response.message())
        .contains(
            "pipeline.identifier: 'build_app' does not match the pipeline 'other_pipeline' of the request path");
  }

  @Test
  void put_malformedYaml_oneLineWithLineAndColumn() {
    ApiResponse response = acme.putYaml(PATH + "/build_app", "pipeline:\n  identifier: [oops\n");

    response.expect(400);
    assertThat(response.json().get("errors").get(0).get("path").asText()).isEqualTo("$");
    assertThat(response.message())
        .isEqualTo(
            "The pipeline YAML has 1 problem: $: malformed YAML: "
                + "expected ',' or ']', but got <stream end> (line 3, column 1)");
  }

  @Test
  void put_rootNotAPipelineMap() {
    ApiResponse empty = acme.send("PUT", PATH + "/build_app", "application/yaml", new byte[0]);
    ApiResponse list = acme.putYaml(PATH + "/build_app", "- pipeline\n");
    ApiResponse otherKey =
        acme.putYaml(PATH + "/build_app", "pipelines:\n  identifier: build_app\n");

    for (ApiResponse response : java.util.List.of(empty, list, otherKey)) {
      response.expect(400);
      assertThat(response.message())
          .isEqualTo(
              "The pipeline YAML has 1 problem: $: the YAML document's root must be a map with the key 'pipeline'");
    }
  }

  @Test
  void put_contentTypes() {
    byte[] yaml =
        example
            .replace("identifier: build_app", "identifier: typed")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    for (String type :
        java.util.List.of(
            "application/yaml", "application/x-yaml", "text/yaml", "text/plain; charset=utf-8")) {
      assertThat(acme.send("PUT", PATH + "/typed", type, yaml).status()).as(type).isIn(200, 201);
    }
    ApiResponse json = acme.send("PUT", PATH + "/typed", "application/json", yaml);
    json.expect(415);
    assertThat(json.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void get_unknownPipelineOrProject_orAnotherAccount() {
    ApiClient other = APP.newAccount();
    acme.putYaml(PATH + "/get_me", example.replace("identifier: build_app", "identifier: get_me"))
        .expect(201);

    ApiResponse missing = acme.get(PATH + "/nope");
    ApiResponse missingProject = acme.get("/api/v1/orgs/default/projects/nope/pipelines");
    ApiResponse otherAccount = other.get(PATH + "/get_me");

    missing.expect(404);
    assertThat(missing.code()).isEqualTo("PIPELINE_NOT_FOUND");
    assertThat(missing.message())
        .isEqualTo("pipeline 'nope' not found in project 'demo' of org 'default'");
    missingProject.expect(404);
    otherAccount.expect(404);
    APP.anonymous().get(PATH).expect(401);
  }
}
