package dev.cimanager.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.AppInstance;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
        executions.put(id, awaitEnd(acme, id));
      }

      for (int i = 0; i < SECRETS; i++) {
        expect(
            acme.postJson(
                "/api/v1/secrets/text",
                Map.of("identifier", "s" + i, "name", "S", "value", "v" + i)),
            201);
      }
      lastName = null;
      for (int i = 0; i < PIPELINE_PUTS; i++) {
        lastName = "Build app " + i;
        expect(
            acme.putYaml(PIPELINE, pipelineYaml().replace("name: Build app", "name: " + lastName)),
            200);
      }
      expect(
          acme.putJson(
              "/api/v1/secrets/s0", Map.of("identifier", "s0", "name", "S", "value", "changed")),
          200);
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

  private static void setUpPipeline(ApiClient acme) throws Exception {
    expect(
        acme.postJson(
            "/api/v1/orgs/default/projects", Map.of("identifier", "demo", "name", "Demo")),
        201);
    expect(
        acme.postJson(
            "/api/v1/connectors",
            Map.of(
                "identifier",
                "local_registry",
                "name",
                "R",
                "type",
                "DockerRegistry",
                "spec",
                Map.of(
                    "dockerRegistryUrl",
                    "http://127.0.0.1:9",
                    "providerType",
                    "Other",
                    "auth",
                    Map.of("type", "Anonymous")))),
        201);
    String repo =
        TestApp.localGitFolder(acme.accountId()).resolve("missing.git").toUri().toString();
    expect(
        acme.postJson(
            "/api/v1/orgs/default/projects/demo/connectors",
            Map.of(
                "identifier",
                "app_repo",
                "name",
                "Repo",
                "type",
                "Git",
                "spec",
                Map.of(
                    "url",
                    repo,
                    "connectionType",
                    "Repo",
                    "authentication",
                    Map.of("type", "Anonymous")))),
        201);
    expect(
        acme.postMultipart(
            "/api/v1/secrets/file",
            Map.of("identifier", "cosign_private_key", "name", "K"),
            "file",
            new byte[] {1}),
        201);
    expect(
        acme.postJson(
            "/api/v1/secrets/text",
            Map.of("identifier", "cosign_password", "name", "P", "value", "pw")),
        201);
    expect(acme.putYaml(PIPELINE, pipelineYaml()), 201);
  }

  /** The run fails at its clone (the repository does not exist); what matters is that it ended. */
  private static String awaitEnd(ApiClient acme, String executionId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      String status = acme.get("/api/v1/executions/" + executionId).json().get("status").asText();
      if (!List.of("QUEUED", "RUNNING").contains(status)) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("execution " + executionId + " did not end within 60 s");
  }

  private static String pipelineYaml() throws Exception {
    try (InputStream in =
        KillNineDurabilityTest.class.getResourceAsStream(
            "/dev/cimanager/app/pipelines/pipeline-slsa.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void expect(ApiResponse response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }
}
