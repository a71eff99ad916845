package dev.cimanager.app.execution.runners;

import dev.cimanager.app.CiManagerVersion;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.connectors.ConnectorAuth;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.connectors.DockerRegistryConnector;
import dev.cimanager.app.errors.ApiException;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ImagePushedEvent;
import dev.cimanager.app.execution.ImagePushedListener;
import dev.cimanager.app.execution.steps.BuildahBuilder;
import dev.cimanager.app.execution.steps.ClonedSource;
import dev.cimanager.app.execution.steps.ImageBuild;
import dev.cimanager.app.execution.steps.PushedImage;
import dev.cimanager.app.execution.steps.StepFailedException;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.ssca.spi.Credentials;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code BuildAndPushDockerRegistry}: resolves the step's expressions and its DockerRegistry
 * connector (with the password secret), lets every {@link ImagePushedListener} check what it will
 * need (SLSA provenance: the signing key) before anything is built, builds and pushes with buildah,
 * records the pushed image in the step's outcome at once, then hands an {@link ImagePushedEvent} to
 * every listener, whose failure fails the step.
 */
@Singleton
public final class BuildAndPushRunner implements StepRunner {

  private final ConnectorService connectors;
  private final BuildahBuilder builder;
  private final InsecureRegistries insecureRegistries;
  private final Set<ImagePushedListener> listeners;
  private final Clock clock;
  private final String ciManagerVersion;

  @Inject
  BuildAndPushRunner(
      ConnectorService connectors,
      BuildahBuilder builder,
      InsecureRegistries insecureRegistries,
      Set<ImagePushedListener> listeners,
      Clock clock) {
    this.connectors = connectors;
    this.builder = builder;
    this.insecureRegistries = insecureRegistries;
    this.listeners = listeners;
    this.clock = clock;
    this.ciManagerVersion = CiManagerVersion.read();
  }

  @Override
  public void run(StepContext context) {
    String specPath = context.step().yamlPath() + ".spec";
    BuildAndPushSpec spec =
        ((BuildAndPushSpec) context.step().spec()).resolve(context.expressions(), specPath);
    ImagePushedEvent.SlsaSettings slsa =
        context
            .stage()
            .slsaProvenanceIfPresent()
            .map(
                settings ->
                    new ImagePushedEvent.SlsaSettings(
                        settings.isEnabled(context.expressions()),
                        settings.privateKeyRef(),
                        settings.passwordRef(),
                        settings.yamlPath()))
            .orElse(ImagePushedEvent.SlsaSettings.DISABLED);
    DockerRegistryConnector connector = registryConnector(context, spec);
    String registry = connector.hostPort();
    boolean insecure = insecureRegistries.isInsecure(registry);
    if (connector.isPlainHttp() && !insecure) {
      throw new StepFailedException(
          "tried to push to "
              + registry
              + " but connector "
              + spec.connectorRef()
              + " uses http:// and "
              + registry
              + " is not an insecure registry (add it to"
              + " CI_MANAGER_INSECURE_REGISTRIES to allow plain HTTP)");
    }
    Credentials credentials = credentials(context, connector, spec);
    ImagePushedEvent.ExecutionInfo execution = executionInfo(context.execution());
    ImagePushedEvent.StageInfo stage =
        new ImagePushedEvent.StageInfo(context.stage().identifier(), slsa);
    for (ImagePushedListener listener : listeners) {
      beforeBuild(listener, execution, stage, context);
    }
    Instant sourceDate =
        context.codebaseIfPresent().map(ClonedSource::commitTime).orElse(Instant.EPOCH);

    PushedImage pushed =
        builder.buildAndPush(
            new ImageBuild(
                context.workspace(),
                spec.dockerfile(),
                spec.context(),
                registry,
                spec.repo(),
                spec.tags(),
                spec.buildArgs(),
                spec.labels(),
                credentials,
                sourceDate),
            context.log());
    Instant pushFinishedAt = clock.instant();
    context
        .recordOutcome()
        .accept(new Execution.ImageOutcome(pushed.image(), pushed.tags(), pushed.digest()));

    ImagePushedEvent event =
        new ImagePushedEvent(
            execution,
            stage,
            new ImagePushedEvent.StepInfo(context.step().identifier(), spec),
            context
                .codebaseIfPresent()
                .map(
                    source ->
                        new ImagePushedEvent.CodebaseInfo(
                            source.repositoryUrl(),
                            source.branch(),
                            source.tag(),
                            prNumber(context.execution()),
                            source.commitSha(),
                            source.commitTime()))
                .orElse(null),
            new ImagePushedEvent.ImageInfo(registry, spec.repo(), pushed.tags(), pushed.digest()),
            new ImagePushedEvent.RegistryAccess(credentials, insecure),
            new ImagePushedEvent.BuilderVersions(ciManagerVersion, pushed.builderVersion()),
            pushed.baseImages(),
            context.startedAt(),
            pushFinishedAt,
            context.log());
    for (ImagePushedListener listener : listeners) {
      notify(listener, event);
    }
  }

  private DockerRegistryConnector registryConnector(StepContext context, BuildAndPushSpec spec) {
    try {
      return connectors.resolveDockerRegistry(context.projectScope(), spec.connectorRef());
    } catch (ApiException e) {
      throw new StepFailedException(
          "tried to resolve the registry connector '"
              + spec.connectorRef()
              + "' ("
              + context.step().yamlPath()
              + ".spec.connectorRef) but failed because "
              + e.getMessage(),
          e);
    }
  }

  private Credentials credentials(
      StepContext context, DockerRegistryConnector connector, BuildAndPushSpec spec) {
    if (!(connector.auth() instanceof ConnectorAuth.UsernamePassword auth)) {
      return null;
    }
    Optional<ResolvedSecret> password;
    try {
      password = connectors.password(connector);
    } catch (ApiException e) {
      throw new StepFailedException(
          "tried to resolve the password of registry connector '"
              + spec.connectorRef()
              + "' but failed because "
              + e.getMessage(),
          e);
    }
    password.ifPresent(context.secrets()::add);
    return new Credentials(auth.username(), password.map(ResolvedSecret::valueAsString).orElse(""));
  }

  private static void beforeBuild(
      ImagePushedListener listener,
      ImagePushedEvent.ExecutionInfo execution,
      ImagePushedEvent.StageInfo stage,
      StepContext context) {
    try {
      listener.beforeBuild(execution, stage, context.log());
    } catch (StepFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StepFailedException(
          "tried to prepare the build of step '"
              + context.step().identifier()
              + "' ("
              + listener.getClass().getSimpleName()
              + ") but failed unexpectedly: "
              + e,
          e);
    }
  }

  private static void notify(ImagePushedListener listener, ImagePushedEvent event) {
    try {
      listener.onImagePushed(event);
    } catch (StepFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StepFailedException(
          "tried to finish "
              + event.image().image()
              + "@"
              + event.image().digest()
              + " ("
              + listener.getClass().getSimpleName()
              + ") but failed unexpectedly: "
              + e,
          e);
    }
  }

  /** The pull request a webhook's run builds, or null. */
  private static String prNumber(Execution execution) {
    return execution.trigger().codebase() == null
        ? null
        : execution.trigger().codebase().prNumber();
  }

  private static ImagePushedEvent.ExecutionInfo executionInfo(Execution execution) {
    return new ImagePushedEvent.ExecutionInfo(
        execution.executionId(),
        execution.accountId(),
        execution.orgIdentifier(),
        execution.projectIdentifier(),
        execution.pipelineIdentifier(),
        execution.sequenceId(),
        new ImagePushedEvent.TriggerInfo(
            execution.trigger().type(),
            execution.trigger().triggeredBy(),
            execution.trigger().event()));
  }
}
