package dev.cimanager.app.pipelines;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET {S}/secrets/{id}/usage} and {@code GET {S}/connectors/{id}/usage}: what refers to the
 * object, so the UI can warn before a delete. The object itself need not exist (a dangling
 * reference is a use too).
 */
@Produces(MediaType.APPLICATION_JSON)
public final class UsageEndpoints {
  private UsageEndpoints() {}

  public abstract static class Base {
    private final ReferenceUsage usage;
    private final ScopeResolver scopes;
    private final boolean secret;

    Base(ReferenceUsage usage, ScopeResolver scopes, boolean secret) {
      this.usage = usage;
      this.scopes = scopes;
      this.secret = secret;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ReferenceUsage.Usage usage(
        @Context Caller caller, @Context UriInfo uri, @PathParam("id") String id) {
      Scope scope = scopes.fromPath(caller, uri);
      return secret ? usage.ofSecret(scope, id) : usage.ofConnector(scope, id);
    }
  }

  @Path("/api/v1/secrets/{id}/usage")
  public static final class AccountSecret extends Base {
    @Inject
    AccountSecret(ReferenceUsage usage, ScopeResolver scopes) {
      super(usage, scopes, true);
    }
  }

  @Path("/api/v1/orgs/{org}/secrets/{id}/usage")
  public static final class OrgSecret extends Base {
    @Inject
    OrgSecret(ReferenceUsage usage, ScopeResolver scopes) {
      super(usage, scopes, true);
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/secrets/{id}/usage")
  public static final class ProjectSecret extends Base {
    @Inject
    ProjectSecret(ReferenceUsage usage, ScopeResolver scopes) {
      super(usage, scopes, true);
    }
  }

  @Path("/api/v1/connectors/{id}/usage")
  public static final class AccountConnector extends Base {
    @Inject
    AccountConnector(ReferenceUsage usage, ScopeResolver scopes) {
      super(usage, scopes, false);
    }
  }

  @Path("/api/v1/orgs/{org}/connectors/{id}/usage")
  public static final class OrgConnector extends Base {
    @Inject
    OrgConnector(ReferenceUsage usage, ScopeResolver scopes) {
      super(usage, scopes, false);
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/connectors/{id}/usage")
  public static final class ProjectConnector extends Base {
    @Inject
    ProjectConnector(ReferenceUsage usage, ScopeResolver scopes) {
      super(usage, scopes, false);
    }
  }
}
