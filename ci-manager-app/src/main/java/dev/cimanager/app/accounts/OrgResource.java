package dev.cimanager.app.accounts;

import dev.cimanager.app.errors.ApiException;
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
    return Response.status(Response.Status.CREATED).entity(new OrgResponse(identifier, name)).build();
  }

  @GET
  @Path("{org}")
  public OrgResponse get(@Context Caller caller, @PathParam("org") String org) {
    scopes.org(caller, org);
    return orgs.findOrg(caller.accountId(), org).orElseThrow();
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

  @GET
  @Path("{org}/projects/{project}")
  public ProjectResponse project(
      @Context Caller caller, @PathParam("org") String org, @PathParam("project") String project) {
    scopes.project(caller, org, project);
    return orgs.findProject(caller.accountId(), org, project).orElseThrow();
  }
}
