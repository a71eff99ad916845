package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.Scope;
import java.net.URI;

/**
 * A Docker registry: {@code url} is {@code http(s)://host[:port]}, {@code providerType} one of
 * DockerHub, Harbor, Quay, Other.
 */
public record DockerRegistryConnector(
    Scope scope, String identifier, String name, URI url, String providerType, ConnectorAuth auth)
    implements Connector {

  @Override
  public String type() {
    return ConnectorSpecs.DOCKER_REGISTRY;
  }

  /** {@code host[:port]} as it appears in image references, e.g. {@code 127.0.0.1:5000}. */
  public String hostPort() {
    return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
  }

  public boolean isPlainHttp() {
    return "http".equalsIgnoreCase(url.getScheme());
  }
}
