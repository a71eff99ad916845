package dev.cimanager.app.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionSecrets;
import dev.cimanager.app.execution.tools.BuildahBuilder;
import dev.cimanager.app.execution.tools.StepFailedException;
import dev.cimanager.app.execution.tools.StepLog;
import dev.cimanager.app.pipelines.ExpressionContext;
import dev.cimanager.app.pipelines.ExpressionResolver;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.PipelineKey;
import dev.cimanager.app.pipelines.PipelineParser;
import dev.cimanager.app.pipelines.Stage;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam to SLSA provenance: what {@link ImageProvenance} gets and when, and what its failure
 * records.
 */
@IntegrationTest
class BuildAndPushRunnerTest {

  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension
  static final TestApp APP = new TestApp().with("insecureRegistries", REGISTRY.hostPort());

  private static final String YAML =
      """
      pipeline:
        identifier: build_app
        name: Build app
        orgIdentifier: default
        projectIdentifier: demo
        stages:
          - stage:
              identifier: build
              name: Build
              type: CI
              spec:
                cloneCodebase: false
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
                          repo: demo/seam
                          tags:
                            - <+pipeline.sequenceId>
                          buildArgs:
                            VERSION: "1.0"
      """;

  @TempDir Path workspace;

  @AfterAll
  static void stopRegistry() {
    REGISTRY.close();
  }

  @Test
  void run_checksBeforeTheBuildAttestsAfterTheOutcomeAndRecordsAFailedProvenance()
      throws Exception {
    ApiClient acme = APP.newAccount();
    assertThat(
            acme.postJson(
                    "/api/v1/connectors",
                    Map.of(
                        "identifier",
                        "local_registry",
                        "name",
                        "Local",
                        "type",
                        "DockerRegistry",
                        "spec",
                        Map.of(
                            "dockerRegistryUrl",
                            REGISTRY.url().toString(),
                            "providerType",
                            "Other",
                            "auth",
                            Map.of("type", "Anonymous"))))
                .status())
        .isEqualTo(201);
    Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\nCOPY app.txt /app.txt\n");
    Files.writeString(workspace.resolve("app.txt"), "app\n");
    Pipeline pipeline =
        new PipelineParser().parse(new PipelineKey("default", "demo", "build_app"), YAML);
    Stage stage = pipeline.stages().get(0);
    Execution execution =
        new Execution(
            "exec-1",
            acme.accountId(),
            "default",
            "demo",
            "build_app",
            7,
            ExecutionStatus.RUNNING,
            new Execution.Trigger(TriggerType.MANUAL, "Test User", null, null, null),
            null,
            YAML,
            Instant.parse("2026-01-01T00:00:00Z"),
            null,
            null,
            null,
            List.of(),
            null);
    List<Execution.ImageOutcome> recorded = new ArrayList<>();
    List<String> order = new ArrayList<>();
    AtomicReference<ImageProvenance.PushedBuild> received = new AtomicReference<>();
    ImageProvenance failing =
        new ImageProvenance() {
          @Override
          public void beforeBuild(StepContext context) {
            order.add(recorded.isEmpty() ? "check before outcome" : "check after outcome");
          }

          @Override
          public void afterPush(StepContext context, PushedBuild build) {
            order.add(recorded.isEmpty() ? "attest before outcome" : "attest after outcome");
            received.set(build);
            throw new StepFailedException("SLSA provenance: the signing key is gone");
          }
        };
    BuildAndPushRunner runner =
        new BuildAndPushRunner(
            APP.service(ConnectorService.class),
            APP.service(BuildahBuilder.class),
            APP.service(InsecureRegistries.class),
            failing,
            Clock.systemUTC());
    StepLog log = new StepLog(new ExecutionSecrets());
    Instant startedAt = Instant.now();
    StepContext context =
        new StepContext(
            execution,
            Scope.project(acme.accountId(), "default", "demo"),
            stage,
            stage.steps().get(0),
            workspace,
            null,
            new ExpressionResolver(
                new ExpressionContext(7, "exec-1", "build_app", null, null, null, "MANUAL")),
            new ExecutionSecrets(),
            log,
            startedAt,
            recorded::add);

    assertThatThrownBy(() -> runner.run(context))
        .isInstanceOf(StepFailedException.class)
        .hasMessage("SLSA provenance: the signing key is gone");

    assertThat(order).containsExactly("check before outcome", "attest after outcome");
    Execution.ImageOutcome outcome = recorded.get(0);
    assertThat(outcome.image()).isEqualTo(REGISTRY.hostPort() + "/demo/seam");
    assertThat(outcome.tags()).containsExactly("7");
    assertThat(outcome.provenance()).isNull();
    assertThat(recorded.get(1)).isEqualTo(outcome.withProvenance(ProvenanceStatus.FAILED));
    ImageProvenance.PushedBuild build = received.get();
    assertThat(build.spec().tags()).containsExactly("7");
    assertThat(build.spec().buildArgs()).containsEntry("VERSION", "1.0");
    assertThat(build.registry()).isEqualTo(REGISTRY.hostPort());
    assertThat(build.image().digest()).isEqualTo(outcome.digest());
    assertThat(build.image().builderVersion()).matches("\\d+\\.\\d+.*");
    assertThat(build.image().baseImages()).isEmpty();
    assertThat(build.credentials()).isNull();
    assertThat(build.pushFinishedAt()).isAfterOrEqualTo(startedAt);
  }
}
