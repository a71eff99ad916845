package dev.cimanager.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@IntegrationTest
class ReferenceUsageApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  @Test
  void secretAndConnectorUsage_listsThePipelinesAndConnectorsReferringToThem() {
    ApiClient acme = APP.newAccount();
    BuildFixtures.project(acme, "demo");
    BuildFixtures.project(acme, "other");
    BuildFixtures.gitConnector(
        acme, "/orgs/default/projects/demo", "app_repo", URI.create("https://example.com/a.git"));
    BuildFixtures.registryConnector(
        acme, "", "local_registry", URI.create("http://127.0.0.1:5000"));
    BuildFixtures.cosignSecrets(acme, "key".getBytes(), "pw");
    BuildFixtures.textSecret(acme, "unused", "pw");
    acme.postJson(
        "/api/v1/orgs/default/connectors",
        Map.of(
            "identifier",
            "hub",
            "name",
            "Hub",
            "type",
            "DockerRegistry",
            "spec",
            Map.of(
                "dockerRegistryUrl",
                "https://r.example.com",
                "providerType",
                "Other",
                "auth",
                Map.of(
                    "type",
                    "UsernamePassword",
                    "spec",
                    Map.of("username", "u", "passwordRef", "account.cosign_password")))));
    acme.putYaml(
            "/api/v1/orgs/default/projects/demo/pipelines/build_app",
            TestPipeline.buildAndPush("build_app").slsa().yaml())
        .expect(201);

    JsonNode password = acme.get("/api/v1/secrets/cosign_password/usage").json();
    JsonNode key = acme.get("/api/v1/secrets/cosign_private_key/usage").json();
    JsonNode unused = acme.get("/api/v1/secrets/unused/usage").json();
    JsonNode repo = acme.get("/api/v1/orgs/default/projects/demo/connectors/app_repo/usage").json();
    JsonNode projectScoped =
        acme.get("/api/v1/orgs/default/projects/demo/secrets/cosign_password/usage").json();

    assertThat(password.at("/pipelines/0/identifier").asText())
        .as(password.toString())
        .isEqualTo("build_app");
    assertThat(password.at("/pipelines/0/name").asText()).isEqualTo("Build app");
    assertThat(password.at("/pipelines/0/projectIdentifier").asText()).isEqualTo("demo");
    assertThat(password.at("/pipelines/0/paths/0").asText())
        .endsWith("slsa_provenance.attestation.spec.password");
    assertThat(password.at("/connectors/0/reference").asText()).isEqualTo("org.hub");
    assertThat(key.at("/pipelines/0/paths/0").asText()).endsWith(".private_key");
    assertThat(key.get("connectors")).isEmpty();
    assertThat(unused.get("pipelines")).isEmpty();
    assertThat(repo.at("/pipelines/0/paths/0").asText())
        .isEqualTo("pipeline.properties.ci.codebase.connectorRef");
    assertThat(projectScoped.get("pipelines"))
        .as("a project secret of the same name is another secret")
        .isEmpty();
    assertThat(APP.newAccount().get("/api/v1/orgs/default/projects/demo/secrets/x/usage").status())
        .isEqualTo(404);
  }
}
