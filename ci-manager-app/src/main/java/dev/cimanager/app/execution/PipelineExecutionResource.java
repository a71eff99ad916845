package dev.cimanager.app.execution;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.pipelines.PipelineKey;
import dev.cimanager.contracts.executions.ExecutionListResponse;
import dev.cimanager.contracts.executions.StartExecutionRequest;
import dev.cimanager.contracts.executions.StartExecutionResponse;
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

/** A pipeline's executions: starting one (MANUAL), listing them newest first. */
@Path("/api/v1/orgs/{org}/projects/{project}/pipelines/{pipeline}/executions")
@Produces(MediaType.APPLICATION_JSON)
public final class PipelineExecutionResource {

  /** The most executions a pipeline's list shows. */
  static final int LIST_LIMIT = 100;

  private final ExecutionService executions;
  private final ExecutionStore store;
  private final ScopeResolver scopes;

  @Inject
  PipelineExecutionResource(
      ExecutionService executions, ExecutionStore store, ScopeResolver scopes) {
    this.executions = executions;
    this.store = store;
    this.scopes = scopes;
  }

  /**
   * The body is optional: none at all, or {@code application/json} {@code {"branch"}}. Jersey
   * matches a request without Content-Type here too and reads its empty body as null; any other
   * content type is 415 and malformed JSON 400 {@code INVALID_JSON}, both from the shared mappers.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipeline,
      StartExecutionRequest request) {
    Scope scope = scopes.project(caller, org, project);
    Execution execution =
        executions.startManual(caller, scope, pipeline, request == null ? null : request.branch());
    return Response.status(Response.Status.ACCEPTED)
        .entity(new StartExecutionResponse(execution.executionId(), execution.status()))
        .build();
  }

  @GET
  public ExecutionListResponse list(
      @Context Caller caller,
      @PathParam("org") String org,
      @PathParam("project") String project,
      @PathParam("pipeline") String pipeline) {
    Scope scope = scopes.project(caller, org, project);
    return new ExecutionListResponse(
        store
            .listNewestFirst(scope.accountId(), new PipelineKey(org, project, pipeline), LIST_LIMIT)
            .stream()
            .map(ExecutionResponses::of)
            .toList());
  }
}
