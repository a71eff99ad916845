package dev.cimanager.app.execution.steps;

import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.connectors.ConnectorAuth;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.connectors.DockerRegistryConnector;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.tools.BuildahBuilder;
import dev.cimanager.app.execution.tools.ClonedSource;
import dev.cimanager.app.execution.tools.ImageBuild;
import dev.cimanager.app.execution.tools.PushedImage;
import dev.cimanager.app.execution.tools.StepFailedException;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.app.pipelines.ExpressionException;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.spi.Credentials;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code BuildAndPushDockerRegistry}: resolves the step's expressions and its DockerRegistry
 * connector (with the password secret), lets {@link ImageProvenance} check the signing key before
 * anything is built, builds and pushes with buildah, records the pushed image in the step's outcome
 * at once, then has the provenance attested; when that fails, the outcome records it ({@code
 * provenance: FAILED}) and the step fails with its message.
 */
@Singleton
public final class BuildAndPushRunner implements StepRunner {

  private final ConnectorService connectors;
  private final BuildahBuilder builder;
  private final InsecureRegistries insecureRegistries;
  private final ImageProvenance provenance;
  private final Clock clock;

  @Inject
  BuildAndPushRunner(
      ConnectorService connectors,
      BuildahBuilder builder,
      InsecureRegistries insecureRegistries,
      ImageProvenance provenance,
      Clock clock) {
    this.connectors = connectors;
    this.builder = builder;
    this.insecureRegistries = insecureRegistries;
    this.provenance = provenance;
    this.clock = clock;
  }

  @Override
  public void run(StepContext context) {
    String specPath = context.step().yamlPath() + ".spec";
    BuildAndPushSpec spec =
        ((BuildAndPushSpec) context.step().spec()).resolve(context.expressions(), specPath);
    DockerRegistryConnector connector = registryConnector(context, spec);
    String registry = connector.hostPort();
    if (connector.isPlainHttp() && !insecureRegistries.isInsecure(registry)) {
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
    try {
      provenance.beforeBuild(context);
    } catch (StepFailedException | ExpressionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StepFailedException(
          "tried to prepare the build of step '"
              + context.step().identifier()
              + "' but failed unexpectedly: "
              + e,
          e);
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
    Execution.ImageOutcome outcome =
        new Execution.ImageOutcome(pushed.image(), pushed.tags(), pushed.digest(), null);
    context.recordOutcome().accept(outcome);

    try {
      provenance.afterPush(
          context,
          new ImageProvenance.PushedBuild(spec, registry, pushed, credentials, pushFinishedAt));
    } catch (RuntimeException e) {
      // typed, so the Artifacts tab shows FAILED with the step's message when no record exists
      context.recordOutcome().accept(outcome.withProvenance(ProvenanceStatus.FAILED));
      if (e instanceof StepFailedException failed) {
        throw failed;
      }
      throw new StepFailedException(
          "tried to attest "
              + pushed.image()
              + "@"
              + pushed.digest()
              + " but failed unexpectedly: "
              + e,
          e);
    }
  }

  private DockerRegistryConnector registryConnector(StepContext context, BuildAndPushSpec spec) {
    try {
      return connectors.resolveDockerRegistry(context.projectScope(), spec.connectorRef());
    } catch (DomainException e) {
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
    } catch (DomainException e) {
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
}
