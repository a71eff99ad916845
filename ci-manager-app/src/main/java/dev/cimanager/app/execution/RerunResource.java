package dev.cimanager.app.execution;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.executions.StartExecutionResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/executions/{id}/rerun}: a new MANUAL run of the same pipeline YAML, branch
 * request and commit as the original (see {@link ExecutionService#rerun}). 202 like a run.
 */
@Path("/api/v1/executions/{executionId}/rerun")
@Produces(MediaType.APPLICATION_JSON)
public final class RerunResource {
  private final ExecutionStore store;
  private final ExecutionService executions;
  private final ScopeResolver scopes;

  @Inject
  RerunResource(ExecutionStore store, ExecutionService executions, ScopeResolver scopes) {
    this.store = store;
    this.executions = executions;
    this.scopes = scopes;
  }

  @POST
  public Response rerun(@Context Caller caller, @PathParam("executionId") String executionId) {
    Execution original =
        store
            .find(caller.accountId(), executionId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "EXECUTION_NOT_FOUND", "execution '" + executionId + "' not found"));
    Scope project = scopes.project(caller, original.orgIdentifier(), original.projectIdentifier());
    Execution started = executions.rerun(caller, project, original);
    return Response.status(Response.Status.ACCEPTED)
        .entity(new StartExecutionResponse(started.executionId(), started.status()))
        .build();
  }
}
