package dev.cimanager.app.secrets;

import dev.cimanager.app.accounts.ScopeResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * {@link SecretEndpoints} mounted at account, org and project scope; the path parameters name the
 * scope.
 */
public final class SecretResources {
  private SecretResources() {}

  @Path("/api/v1/secrets")
  public static final class AccountSecrets extends SecretEndpoints {
    @Inject
    AccountSecrets(SecretStore store, ScopeResolver scopes) {
      super(store, scopes);
    }
  }

  @Path("/api/v1/orgs/{org}/secrets")
  public static final class OrgSecrets extends SecretEndpoints {
    @Inject
    OrgSecrets(SecretStore store, ScopeResolver scopes) {
      super(store, scopes);
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/secrets")
  public static final class ProjectSecrets extends SecretEndpoints {
    @Inject
    ProjectSecrets(SecretStore store, ScopeResolver scopes) {
      super(store, scopes);
    }
  }
}
