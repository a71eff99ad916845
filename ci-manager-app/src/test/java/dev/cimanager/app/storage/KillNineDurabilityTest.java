package dev.cimanager.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.AppInstance;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2xx means the write is on disk: the app (embedded MongoDB on its H2 file) runs in a child JVM,
 * answers a burst of writes, and is killed with SIGKILL right after the last answer; restarted on
 * the same data directory, it has every one of them. The stock backend lost the last ~second of
 * writes here.
 */
@IntegrationTest
class KillNineDurabilityTest {
  private static final int SECRETS = 60;
  private static final int PIPELINE_PUTS = 20;
  private static final String PIPELINE = "/api/v1/orgs/default/projects/demo/pipelines/build_app";

  @TempDir Path dataDir;

  @Test
  void acknowledgedWrites_surviveKill9() throws Exception {
    String token;
    String account = "durable";
    Map<String, String> executions = new LinkedHashMap<>();
    String lastName;
    try (AppInstance app = AppInstance.standalone(dataDir)) {
      ApiResponse created =
          app.admin()
              .postJson(
                  "/api/v1/accounts",
                  Map.of(
                      "identifier",
                      account,
                      "name",
                      "D",
                      "user",
                      Map.of("name", "Dev", "email", "dev@example.com")));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      token = created.json().get("token").asText();
      ApiClient acme = app.client(token, account);
      setUpPipeline(acme);
      for (int i = 0; i < 3; i++) {
        ApiResponse started = acme.postJson(PIPELINE + "/executions", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        executions.put(started.json().get("executionId").asText(), null);
      }
      for (String id : executions.keySet()) {
        executions.put(
            id,
            ExecutionFixtures.awaitEnd(acme, id, Duration.ofSeconds(60)).get("status").asText());
      }

      for (int i = 0; i < SECRETS; i++) {
        BuildFixtures.textSecret(acme, "s" + i, "v" + i);
      }
      lastName = null;
      for (int i = 0; i < PIPELINE_PUTS; i++) {
        lastName = "Build app " + i;
        acme.putYaml(
                PIPELINE,
                BuildFixtures.contractPipeline().replace("name: Build app", "name: " + lastName))
            .expect(200);
      }
      acme.putJson(
              "/api/v1/secrets/s0", Map.of("identifier", "s0", "name", "S", "value", "changed"))
          .expect(200);
      app.kill9();
    }

    try (AppInstance again = AppInstance.standalone(dataDir)) {
      ApiClient acme = again.client(token, account);
      for (int i = 0; i < SECRETS; i++) {
        ApiResponse secret = acme.get("/api/v1/secrets/s" + i);
        assertThat(secret.status()).as("secret s" + i + ": " + secret).isEqualTo(200);
      }
      assertThat(acme.get("/api/v1/secrets/s0").json().get("version").asInt()).isEqualTo(2);
      assertThat(acme.get(PIPELINE).body()).contains("name: " + lastName);
      for (Map.Entry<String, String> execution : executions.entrySet()) {
        JsonNode json = acme.get("/api/v1/executions/" + execution.getKey()).json();
        assertThat(json.get("status").asText())
            .as(execution.getKey())
            .isEqualTo(execution.getValue());
      }
    }
  }

  private static void setUpPipeline(ApiClient acme) {
    // the runs fail at their clone (the repository does not exist); what matters is that they end
    Path missing = TestApp.localGitFolder(acme.accountId()).resolve("missing.git");
    BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:9"), missing.toUri());
    BuildFixtures.cosignSecrets(acme, new byte[] {1}, "pw");
    acme.putYaml(PIPELINE, BuildFixtures.contractPipeline()).expect(201);
  }
}
