package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

/** {@link ConnectorEndpoints} mounted at account, org and project scope. */
public final class ConnectorResources {
  private ConnectorResources() {}

  @Path("/api/v1/connectors")
  public static final class AccountConnectors extends ConnectorEndpoints {
    private final ScopeResolver scopes;

    @Inject
    AccountConnectors(ConnectorStore store, ScopeResolver scopes) {
      super(store);
      this.scopes = scopes;
    }

    @Override
    Scope scope(Caller caller, UriInfo uri) {
      return scopes.account(caller);
    }
  }

  @Path("/api/v1/orgs/{org}/connectors")
  public static final class OrgConnectors extends ConnectorEndpoints {
    private final ScopeResolver scopes;

    @Inject
    OrgConnectors(ConnectorStore store, ScopeResolver scopes) {
      super(store);
      this.scopes = scopes;
    }

    @Override
    Scope scope(Caller caller, UriInfo uri) {
      return scopes.org(caller, uri.getPathParameters().getFirst("org"));
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/connectors")
  public static final class ProjectConnectors extends ConnectorEndpoints {
    private final ScopeResolver scopes;

    @Inject
    ProjectConnectors(ConnectorStore store, ScopeResolver scopes) {
      super(store);
      this.scopes = scopes;
    }

    @Override
    Scope scope(Caller caller, UriInfo uri) {
      var params = uri.getPathParameters();
      return scopes.project(caller, params.getFirst("org"), params.getFirst("project"));
    }
  }
}
