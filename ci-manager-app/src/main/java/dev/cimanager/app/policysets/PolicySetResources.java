package dev.cimanager.app.policysets;

import dev.cimanager.app.accounts.ScopeResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * {@link PolicySetEndpoints} mounted at account, org and project scope; the path parameters name
 * the scope.
 */
public final class PolicySetResources {
  private PolicySetResources() {}

  @Path("/api/v1/policysets")
  public static final class AccountPolicySets extends PolicySetEndpoints {
    @Inject
    AccountPolicySets(PolicySetStore store, ScopeResolver scopes, PolicyTrial trial) {
      super(store, scopes, trial);
    }
  }

  @Path("/api/v1/orgs/{org}/policysets")
  public static final class OrgPolicySets extends PolicySetEndpoints {
    @Inject
    OrgPolicySets(PolicySetStore store, ScopeResolver scopes, PolicyTrial trial) {
      super(store, scopes, trial);
    }
  }

  @Path("/api/v1/orgs/{org}/projects/{project}/policysets")
  public static final class ProjectPolicySets extends PolicySetEndpoints {
    @Inject
    ProjectPolicySets(PolicySetStore store, ScopeResolver scopes, PolicyTrial trial) {
      super(store, scopes, trial);
    }
  }
}
