package dev.cimanager.app.pipelines;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.pipelines.PipelineListResponse;
import dev.cimanager.contracts.pipelines.PipelineResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Pipelines of a project: {@code PUT} the YAML, list them, and read one back exactly as stored.
 * {@code PUT} takes {@code application/yaml} (the contract's), the other YAML types in use, and
 * {@code text/plain}, which is what a browser's or script's plain string body defaults to; anything
 * else is 415.
 */
@Path("/api/v1/orgs/{org}/projects/{project}/pipelines")
@Produces(MediaType.APPLICATION_JSON)
public final class PipelineResource {

  public static final String YAML = "application/yaml";

  private final ScopeResolver scopes;
  private final PipelineParser parser;
  private final PipelineReferences references;
  private final PipelineRepository repository;

  @Inject
  PipelineResource(
      ScopeResolver scopes,
      PipelineParser parser,
      PipelineReferences references,
      PipelineRepository repository) {
    this.scopes = scopes;
    this.parser = parser;
    this.references = references;
    this.repository = repository;
  }

  @PUT
  @Path("{pipeline}")
  @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
  public Response save(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String identifier,
      String yaml) {
    Scope scope = scopes.project(caller, org, project);
    Pipeline pipeline =
        parser.parse(new PipelineKey(org, project, identifier), yaml == null ? "" : yaml);
    List<PipelineProblem> problems = references.problems(scope, pipeline);
    if (!problems.isEmpty()) {
      throw new InvalidPipelineException(problems);
    }
    boolean created = repository.save(scope, pipeline);
    StoredPipeline stored = repository.find(scope, identifier).orElseThrow();
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .entity(toResponse(stored))
        .build();
  }

  @GET
  public PipelineListResponse list(
      @Context Caller caller, @PathParam("org") String org, @PathParam("project") String project) {
    Scope scope = scopes.project(caller, org, project);
    return new PipelineListResponse(
        repository.list(scope).stream().map(PipelineResource::toResponse).toList());
  }

  @GET
  @Path("{pipeline}")
  @Produces({YAML, MediaType.APPLICATION_JSON})
  public Response yaml(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String identifier) {
    Scope scope = scopes.project(caller, org, project);
    StoredPipeline stored =
        repository
            .find(scope, identifier)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "PIPELINE_NOT_FOUND",
                        "pipeline '"
                            + identifier
                            + "' not found in project '"
                            + project
                            + "' of org '"
                            + org
                            + "'"));
    return Response.ok(stored.yaml(), YAML).build();
  }

  private static PipelineResponse toResponse(StoredPipeline stored) {
    return new PipelineResponse(
        stored.identifier(),
        stored.name(),
        stored.project().orgId(),
        stored.project().projectId(),
        stored.createdAt().toString(),
        stored.updatedAt().toString());
  }
}
