package dev.cimanager.app.accounts;

import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.accounts.CreateOrgRequest;
import dev.cimanager.contracts.accounts.CreateProjectRequest;
import dev.cimanager.contracts.accounts.OrgListResponse;
import dev.cimanager.contracts.accounts.OrgResponse;
import dev.cimanager.contracts.accounts.ProjectListResponse;
import dev.cimanager.contracts.accounts.ProjectResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Orgs and projects of the caller's account. */
@Path("/api/v1/orgs")
@Produces(MediaType.APPLICATION_JSON)
public final class OrgResource {
  private final OrgStore orgs;
  private final ScopeResolver scopes;

  @Inject
  OrgResource(OrgStore orgs, ScopeResolver scopes) {
    this.orgs = orgs;
    this.scopes = scopes;
  }

  @GET
  public OrgListResponse list(@Context Caller caller) {
    return new OrgListResponse(orgs.listOrgs(caller.accountId()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context Caller caller, CreateOrgRequest request) {
    if (request == null) {
      throw ApiException.invalid("request body is required: {\"identifier\",\"name\"}");
    }
    String identifier = Identifiers.require("identifier", request.identifier());
    String name = Identifiers.requireName("name", request.name());
    orgs.insertOrg(caller.accountId(), identifier, name);
    return Response.status(Response.Status.CREATED)
        .entity(new OrgResponse(identifier, name))
        .build();
  }

  @GET
  @Path("{org}")
  public OrgResponse get(@Context Caller caller, @PathParam("org") String org) {
    scopes.org(caller, org);
    return orgs.findOrg(caller.accountId(), org).orElseThrow();
  }

  /**
   * Renames the org: {@code {"name"}}; an identifier in the body must be the path's (identifiers
   * never change).
   */
  @PUT
  @Path("{org}")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrgResponse rename(
      @Context Caller caller, @PathParam("org") String org, CreateOrgRequest request) {
    scopes.org(caller, org);
    String name =
        renamedTo(
            org,
            request == null ? null : request.identifier(),
            request == null ? null : request.name());
    orgs.renameOrg(caller.accountId(), org, name);
    return new OrgResponse(org, name);
  }

  @GET
  @Path("{org}/projects")
  public ProjectListResponse projects(@Context Caller caller, @PathParam("org") String org) {
    scopes.org(caller, org);
    return new ProjectListResponse(orgs.listProjects(caller.accountId(), org));
  }

  @POST
  @Path("{org}/projects")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createProject(
      @Context Caller caller, @PathParam("org") String org, CreateProjectRequest request) {
    scopes.org(caller, org);
    if (request == null) {
      throw ApiException.invalid("request body is required: {\"identifier\",\"name\"}");
    }
    String identifier = Identifiers.require("identifier", request.identifier());
    String name = Identifiers.requireName("name", request.name());
    orgs.insertProject(caller.accountId(), org, identifier, name);
    return Response.status(Response.Status.CREATED)
        .entity(new ProjectResponse(identifier, name, org))
        .build();
  }

  /** Renames the project: {@code {"name"}}; its identifier stays. */
  @PUT
  @Path("{org}/projects/{project}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProjectResponse renameProject(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      CreateProjectRequest request) {
    scopes.project(caller, org, project);
    String name =
        renamedTo(
            project,
            request == null ? null : request.identifier(),
            request == null ? null : request.name());
    orgs.renameProject(caller.accountId(), org, project, name);
    return new ProjectResponse(project, name, org);
  }

  private static String renamedTo(String pathId, String bodyId, String name) {
    if (bodyId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
      throw ApiException.invalid(
          "identifier '"
              + bodyId
              + "' does not match '"
              + pathId
              + "' in the path: identifiers cannot be changed, only names");
    }
    return Identifiers.requireName("name", name);
  }

  @GET
  @Path("{org}/projects/{project}")
  public ProjectResponse project(
      @Context Caller caller, @PathParam("org") String org, @PathParam("project") String project) {
    scopes.project(caller, org, project);
    return orgs.findProject(caller.accountId(), org, project).orElseThrow();
  }
}
