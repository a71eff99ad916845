package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.Scope;
import java.net.URI;

/**
 * A Git repository ({@code connectionType: Repo}): {@code url} is {@code file://} or {@code
 * http(s)://}.
 */
public record GitConnector(Scope scope, String identifier, String name, URI url, ConnectorAuth auth)
    implements Connector {

  @Override
  public String type() {
    return ConnectorSpecs.GIT;
  }
}
