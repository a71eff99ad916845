package dev.cimanager.app.accounts;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns the caller and a request's {@code {org}}/{@code {project}} path parameters into a {@link
 * Scope}, refusing an org or project that does not exist in the caller's account.
 */
@Singleton
public final class ScopeResolver {
  private final OrgStore orgs;

  @Inject
  ScopeResolver(OrgStore orgs) {
    this.orgs = orgs;
  }

  public Scope account(Caller caller) {
    return Scope.account(caller.accountId());
  }

  public Scope org(Caller caller, String orgId) {
    requireOrg(caller.accountId(), orgId);
    return Scope.org(caller.accountId(), orgId);
  }

  public Scope project(Caller caller, String orgId, String projectId) {
    requireOrg(caller.accountId(), orgId);
    if (!Identifiers.isValid(projectId)
        || orgs.findProject(caller.accountId(), orgId, projectId).isEmpty()) {
      throw new AccountException(
          AccountException.Reason.PROJECT_NOT_FOUND,
          "project '" + projectId + "' not found in org '" + orgId + "'");
    }
    return Scope.project(caller.accountId(), orgId, projectId);
  }

  /**
   * The scope a request's path names: project with {@code {project}}, org with {@code {org}}, else
   * account.
   */
  public Scope fromPath(Caller caller, UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getPathParameters();
    String org = params.getFirst("org");
    String project = params.getFirst("project");
    if (project != null) {
      return project(caller, org, project);
    }
    return org != null ? org(caller, org) : account(caller);
  }

  private void requireOrg(String accountId, String orgId) {
    if (!Identifiers.isValid(orgId) || orgs.findOrg(accountId, orgId).isEmpty()) {
      throw new AccountException(
          AccountException.Reason.ORG_NOT_FOUND, "org '" + orgId + "' not found");
    }
  }
}
