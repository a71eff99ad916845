package dev.cimanager.app.execution.runners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionSecrets;
import dev.cimanager.app.execution.ImagePushedEvent;
import dev.cimanager.app.execution.ImagePushedListener;
import dev.cimanager.app.execution.steps.BuildahBuilder;
import dev.cimanager.app.execution.steps.StepFailedException;
import dev.cimanager.app.execution.steps.StepLog;
import dev.cimanager.app.pipelines.ExpressionContext;
import dev.cimanager.app.pipelines.ExpressionResolver;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.PipelineKey;
import dev.cimanager.app.pipelines.PipelineParser;
import dev.cimanager.app.pipelines.Stage;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam to SLSA provenance: what an {@link ImagePushedListener} gets, and what its failure does.
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
  void run_recordsTheOutcomeThenCallsEveryListenerAndTheirFailureFailsTheStep() throws Exception {
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
            new Execution.Trigger(TriggerType.MANUAL, "Test User", null),
            null,
            YAML,
            Instant.parse("2026-01-01T00:00:00Z"),
            null,
            null,
            null,
            List.of());
    AtomicReference<Execution.ImageOutcome> recorded = new AtomicReference<>();
    List<String> order = new ArrayList<>();
    AtomicReference<ImagePushedEvent> received = new AtomicReference<>();
    ImagePushedListener recording =
        event -> {
          order.add(recorded.get() == null ? "listener before outcome" : "listener after outcome");
          received.set(event);
        };
    ImagePushedListener failing =
        event -> {
          throw new StepFailedException("SLSA provenance: the signing key is gone");
        };
    Set<ImagePushedListener> listeners = new LinkedHashSet<>(List.of(recording, failing));
    BuildAndPushRunner runner =
        new BuildAndPushRunner(
            APP.service(ConnectorService.class),
            APP.service(BuildahBuilder.class),
            APP.service(InsecureRegistries.class),
            listeners,
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
            recorded::set);

    assertThatThrownBy(() -> runner.run(context))
        .isInstanceOf(StepFailedException.class)
        .hasMessage("SLSA provenance: the signing key is gone");

    assertThat(order).containsExactly("listener after outcome");
    Execution.ImageOutcome outcome = recorded.get();
    assertThat(outcome.image()).isEqualTo(REGISTRY.hostPort() + "/demo/seam");
    assertThat(outcome.tags()).containsExactly("7");
    ImagePushedEvent event = received.get();
    assertThat(event.execution())
        .isEqualTo(
            new ImagePushedEvent.ExecutionInfo(
                "exec-1",
                acme.accountId(),
                "default",
                "demo",
                "build_app",
                7,
                new ImagePushedEvent.TriggerInfo(TriggerType.MANUAL, "Test User", null)));
    assertThat(event.stage())
        .isEqualTo(
            new ImagePushedEvent.StageInfo(
                "build",
                new ImagePushedEvent.SlsaSettings(
                    true,
                    "account.cosign_private_key",
                    "account.cosign_password",
                    "pipeline.stages[0].stage.spec.slsa_provenance")));
    assertThat(event.step().identifier()).isEqualTo("BuildAndPush");
    assertThat(event.step().spec().tags()).containsExactly("7");
    assertThat(event.step().spec().buildArgs()).containsEntry("VERSION", "1.0");
    assertThat(event.codebase()).isNull();
    assertThat(event.image())
        .isEqualTo(
            new ImagePushedEvent.ImageInfo(
                REGISTRY.hostPort(), "demo/seam", List.of("7"), outcome.digest()));
    assertThat(event.artifactId()).isEqualTo("build.BuildAndPush");
    assertThat(event.registry()).isEqualTo(new ImagePushedEvent.RegistryAccess(null, true));
    assertThat(event.builder().buildah()).matches("\\d+\\.\\d+.*");
    assertThat(event.baseImages()).isEmpty();
    assertThat(event.stepStartedAt()).isEqualTo(startedAt);
    assertThat(event.pushFinishedAt()).isAfterOrEqualTo(startedAt);
    assertThat(event.log()).isSameAs(log);
  }
}
