package dev.cimanager.app.connectors;

import com.google.inject.AbstractModule;
import dev.cimanager.app.web.JerseyComponents;

/** Docker registry and Git connectors: REST endpoints and {@link ConnectorService}. */
public final class ConnectorsModule extends AbstractModule {
  @Override
  protected void configure() {
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(ConnectorResources.AccountConnectors.class);
    jersey.addBinding().to(ConnectorResources.OrgConnectors.class);
    jersey.addBinding().to(ConnectorResources.ProjectConnectors.class);
  }
}
