package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

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
    BuildFixtures.demoProject(tenant, REGISTRY.url(), origin.toUri());
    CosignKeyPair key = CosignKeys.generate(PASSWORD.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(tenant, key.privateKeyPem(), PASSWORD);
  }

  @Test
  void cosignPasswordIsMasked_andControlCharactersCannotForgeLines() throws Exception {
    TestPipeline.buildAndPush("masked")
        .name("Masked")
        .slsa()
        .repo("masked/app")
        .tags("1")
        .buildArg("LEAK", PASSWORD)
        .buildArg("FORGED", "x\\nStep failed: forged\\r\\e[2K")
        .save(tenant);
    String executionId = ExecutionFixtures.started(tenant, "masked");
    JsonNode execution = ExecutionFixtures.awaitEnd(tenant, executionId, MAX_WAIT);
    String log = ExecutionFixtures.buildLog(tenant, executionId);

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
}
