package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.ScopeResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * {@link ConnectorEndpoints} mounted at account, org and project scope; the path parameters name
 * the scope.
 */
public final class ConnectorResources {
  private ConnectorResources() {}

  @Path("/api/v1/connectors")
  public static final class AccountConnectors extends ConnectorEndpoints {
    @Inject
    AccountConnectors(
        ConnectorStore store, ScopeResolver scopes, ConnectorGuard guard, ConnectionTester tester) {
      super(store, scopes, guard, tester);
    }
  }

  @Path("/api/v1/orgs/{org}/connectors")
  public static final class OrgConnectors extends ConnectorEndpoints {
    @Inject
    OrgConnectors(
        ConnectorStore store, ScopeResolver scopes, ConnectorGuard guard, ConnectionTester tester) {
      super(store, scopes, guard, tester);
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/connectors")
  public static final class ProjectConnectors extends ConnectorEndpoints {
    @Inject
    ProjectConnectors(
        ConnectorStore store, ScopeResolver scopes, ConnectorGuard guard, ConnectionTester tester) {
      super(store, scopes, guard, tester);
    }
  }
}
