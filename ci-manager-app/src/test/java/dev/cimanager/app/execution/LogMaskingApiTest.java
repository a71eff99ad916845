package dev.cimanager.app.execution;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the public API: the SLSA key's Cosign password, which only the provenance hook resolves,
 * is masked in the step log wherever it shows (a build argument on buildah's command line, a RUN
 * step's output), and a build argument holding a newline, a carriage return and ANSI escapes stays
 * one line.
 */
@IntegrationTest
class LogMaskingApiTest {

  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension
  static final TestApp APP = new TestApp().with("insecureRegistries", REGISTRY.hostPort());

  private static final Duration MAX_WAIT = Duration.ofMinutes(3);
  private static final String PASSWORD = "cosign-pw-" + UUID.randomUUID();

  private static final String DOCKERFILE =
      """
      FROM scratch
      COPY busybox /bin/busybox
      ARG LEAK
      ARG FORGED
      RUN ["/bin/busybox", "sh", "-c", "echo \\"leaked: $LEAK\\""]
      """;

  @TempDir static Path origin;

  private static ApiClient tenant;

  @BeforeAll
  static void repositoryKeyAndConnectors() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("Dockerfile", DOCKERFILE.getBytes(StandardCharsets.UTF_8));
    files.put("busybox", Files.readAllBytes(Path.of("/bin/busybox")));
    BuildFixtures.commitFiles(origin, files);
    tenant = APP.newAccount();
    BuildFixtures.project(tenant, "demo");
    BuildFixtures.registryConnector(tenant, "", "local_registry", REGISTRY.url());
    BuildFixtures.gitConnector(tenant, "/orgs/default/projects/demo", "app_repo", origin.toUri());
    CosignKeyPair key = CosignKeys.generate(PASSWORD.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.fileSecret(tenant, "cosign_private_key", key.privateKeyPem());
    BuildFixtures.textSecret(tenant, "cosign_password", PASSWORD);
  }

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void cosignPasswordIsMasked_andControlCharactersCannotForgeLines() throws Exception {
    ApiResponse saved =
        tenant.putYaml("/api/v1/orgs/default/projects/demo/pipelines/masked", pipelineYaml());
    assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    ApiResponse started =
        tenant.postJson("/api/v1/orgs/default/projects/demo/pipelines/masked/executions", "");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String executionId = started.json().get("executionId").asText();
    JsonNode execution = awaitEnd(executionId);
    String log =
        tenant
            .get("/api/v1/executions/" + executionId + "/stages/build/steps/BuildAndPush/logs")
            .body();

    assertThat(execution.get("status").asText()).as(execution + "\n" + log).isEqualTo("SUCCESS");
    assertThat(log)
        .contains("SLSA provenance: signed with account.cosign_private_key")
        .contains("LEAK=**************")
        .contains("leaked: **************")
        .doesNotContain(PASSWORD)
        .doesNotContain("\r")
        .doesNotContain("\u001b");
    List<String> lines = Arrays.asList(log.split("\n"));
    assertThat(lines)
        .noneMatch(line -> line.startsWith("Step failed: forged"))
        .anyMatch(line -> line.contains("FORGED=x\\nStep failed: forged\\r\\x1b[2K"));
  }

  private static String pipelineYaml() {
    return """
        pipeline:
          identifier: masked
          name: Masked
          orgIdentifier: default
          projectIdentifier: demo
          properties:
            ci:
              codebase:
                connectorRef: app_repo
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
                  slsa_provenance:
                    enabled: true
                    attestation:
                      type: cosign
                      spec:
                        private_key: account.cosign_private_key
                        password: account.cosign_password
                  execution:
                    steps:
                      - step:
                          identifier: BuildAndPush
                          name: Build and Push
                          type: BuildAndPushDockerRegistry
                          spec:
                            connectorRef: account.local_registry
                            repo: masked/app
                            tags:
                              - "1"
                            dockerfile: Dockerfile
                            context: .
                            buildArgs:
                              LEAK: "%s"
                              FORGED: "x\\nStep failed: forged\\r\\e[2K"
        """
        .formatted(PASSWORD);
  }

  private static JsonNode awaitEnd(String executionId) throws InterruptedException {
    Instant deadline = Instant.now().plus(MAX_WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode execution = tenant.get("/api/v1/executions/" + executionId).json();
      String status = execution.get("status").asText();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return execution;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("execution " + executionId + " did not end within " + MAX_WAIT);
  }
}
