package dev.cimanager.app.secrets;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

/** {@link SecretEndpoints} mounted at account, org and project scope. */
public final class SecretResources {
  private SecretResources() {}

  @Path("/api/v1/secrets")
  public static final class AccountSecrets extends SecretEndpoints {
    private final ScopeResolver scopes;

    @Inject
    AccountSecrets(SecretStore store, ScopeResolver scopes) {
      super(store);
      this.scopes = scopes;
    }

    @Override
    Scope scope(Caller caller, UriInfo uri) {
      return scopes.account(caller);
    }
  }

  @Path("/api/v1/orgs/{org}/secrets")
  public static final class OrgSecrets extends SecretEndpoints {
    private final ScopeResolver scopes;

    @Inject
    OrgSecrets(SecretStore store, ScopeResolver scopes) {
      super(store);
      this.scopes = scopes;
    }

    @Override
    Scope scope(Caller caller, UriInfo uri) {
      return scopes.org(caller, uri.getPathParameters().getFirst("org"));
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/secrets")
  public static final class ProjectSecrets extends SecretEndpoints {
    private final ScopeResolver scopes;

    @Inject
    ProjectSecrets(SecretStore store, ScopeResolver scopes) {
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
