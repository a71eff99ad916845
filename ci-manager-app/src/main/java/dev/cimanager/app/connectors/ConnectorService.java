package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopedReference;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Server-side connector resolution for the engine: a YAML {@code connectorRef} ({@code account.x},
 * {@code org.x}, {@code x}) used from a pipeline's scope. Errors are {@link ConnectorException}s
 * (and the secret service's for a password) naming the reference.
 */
@Singleton
public final class ConnectorService {
  private final ConnectorStore store;
  private final SecretService secrets;
  private final ConnectorGuard guard;

  @Inject
  ConnectorService(ConnectorStore store, SecretService secrets, ConnectorGuard guard) {
    this.store = store;
    this.secrets = secrets;
    this.guard = guard;
  }

  /**
   * The connector, checked again against where connectors may point (see {@link ConnectorGuard}).
   */
  public Connector resolve(Scope from, String reference) {
    ScopedReference ref = ScopedReference.resolve("connector", reference, from);
    Connector connector =
        store
            .find(ref.scope(), ref.identifier())
            .map(doc -> ConnectorStore.toConnector(ref.scope(), doc))
            .orElseThrow(
                () ->
                    new ConnectorException(
                        ConnectorException.Reason.REFERENCE_NOT_FOUND,
                        "connector " + ref.reference() + " not found"));
    try {
      guard.check(connector);
    } catch (ConnectorException e) {
      throw new ConnectorException(
          e.reason(), "connector " + ref.reference() + ": " + e.getMessage());
    }
    return connector;
  }

  /** The connectors stored at {@code scope} (not those of the scopes above it), by identifier. */
  public List<Connector> listIn(Scope scope) {
    return store.list(scope).stream().map(doc -> ConnectorStore.toConnector(scope, doc)).toList();
  }

  /** {@link #resolve} that also requires a DockerRegistry connector. */
  public DockerRegistryConnector resolveDockerRegistry(Scope from, String reference) {
    return require(resolve(from, reference), DockerRegistryConnector.class, reference);
  }

  /** {@link #resolve} that also requires a Git connector. */
  public GitConnector resolveGit(Scope from, String reference) {
    return require(resolve(from, reference), GitConnector.class, reference);
  }

  /**
   * The password of a {@link ConnectorAuth.UsernamePassword} connector, resolved from the
   * connector's own scope; empty for anonymous connectors.
   */
  public Optional<ResolvedSecret> password(Connector connector) {
    ConnectorAuth auth =
        connector instanceof DockerRegistryConnector registry
            ? registry.auth()
            : ((GitConnector) connector).auth();
    if (auth instanceof ConnectorAuth.UsernamePassword up) {
      return Optional.of(
          secrets.resolve(connector.scope(), up.passwordRef(), SecretType.SecretText));
    }
    return Optional.empty();
  }

  private static <T extends Connector> T require(
      Connector connector, Class<T> type, String reference) {
    if (!type.isInstance(connector)) {
      String wanted =
          type == DockerRegistryConnector.class
              ? ConnectorSpecs.DOCKER_REGISTRY
              : ConnectorSpecs.GIT;
      throw new ConnectorException(
          ConnectorException.Reason.WRONG_TYPE,
          "connector "
              + reference
              + " is a "
              + connector.type()
              + " connector but a "
              + wanted
              + " connector is required");
    }
    return type.cast(connector);
  }
}
