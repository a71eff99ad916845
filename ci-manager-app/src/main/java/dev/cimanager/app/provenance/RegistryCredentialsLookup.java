package dev.cimanager.app.provenance;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.connectors.ConnectorAuth;
import dev.cimanager.app.connectors.ConnectorException;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.connectors.DockerRegistryConnector;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.PipelineKey;
import dev.cimanager.app.pipelines.PipelineParser;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.ssca.spi.Credentials;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The registry credentials of the step that pushed an artifact, for a re-push: the step's {@code
 * connectorRef} from the pipeline as it was when the execution ran, resolved as the step resolved
 * it.
 */
@Singleton
final class RegistryCredentialsLookup {
  private final ConnectorService connectors;
  private final PipelineParser parser = new PipelineParser();

  @Inject
  RegistryCredentialsLookup(ConnectorService connectors) {
    this.connectors = connectors;
  }

  /**
   * Empty for an anonymous registry connector.
   *
   * @throws ProvenanceUnavailableException {@code REGISTRY_CREDENTIALS_UNRESOLVED}, its cause why
   */
  Optional<Credentials> forStep(Execution execution, Execution.PushedArtifact artifact) {
    Pipeline pipeline =
        parser.parse(
            new PipelineKey(
                execution.orgIdentifier(),
                execution.projectIdentifier(),
                execution.pipelineIdentifier()),
            execution.pipelineYaml());
    String connectorRef =
        pipeline.stages().stream()
            .filter(stage -> stage.identifier().equals(artifact.stageIdentifier()))
            .flatMap(stage -> stage.steps().stream())
            .filter(step -> step.identifier().equals(artifact.stepIdentifier()))
            .map(step -> step.spec() instanceof BuildAndPushSpec spec ? spec.connectorRef() : null)
            .filter(ref -> ref != null)
            .findFirst()
            .orElseThrow(
                () -> {
                  String message =
                      "step "
                          + artifact.artifactId()
                          + " has no registry connectorRef in the pipeline the execution ran";
                  return unresolved(
                      message,
                      new ConnectorException(
                          ConnectorException.Reason.REFERENCE_NOT_FOUND, message));
                });
    Scope project =
        Scope.project(
            execution.accountId(), execution.orgIdentifier(), execution.projectIdentifier());
    DockerRegistryConnector connector;
    try {
      connector = connectors.resolveDockerRegistry(project, connectorRef);
    } catch (DomainException e) {
      throw unresolved(
          "tried to resolve the registry connector '"
              + connectorRef
              + "' of step "
              + artifact.artifactId()
              + " but failed because "
              + e.getMessage(),
          e);
    }
    if (!(connector.auth() instanceof ConnectorAuth.UsernamePassword auth)) {
      return Optional.empty();
    }
    String password;
    try {
      password = connectors.password(connector).map(ResolvedSecret::valueAsString).orElse("");
    } catch (DomainException e) {
      throw unresolved(
          "tried to resolve the password of registry connector '"
              + connectorRef
              + "' but failed because "
              + e.getMessage(),
          e);
    }
    return Optional.of(new Credentials(auth.username(), password));
  }

  private static ProvenanceUnavailableException unresolved(String message, DomainException cause) {
    return new ProvenanceUnavailableException(
        ProvenanceUnavailableException.Reason.REGISTRY_CREDENTIALS_UNRESOLVED, message, cause);
  }
}
