package dev.cimanager.app.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopeResolver;
import dev.cimanager.app.errors.ApiException;
import dev.cimanager.app.pipelines.PipelineKey;
import dev.cimanager.contracts.executions.ExecutionListResponse;
import dev.cimanager.contracts.executions.StartExecutionResponse;
import jakarta.inject.Inject;
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
  private final ObjectMapper json;

  @Inject
  PipelineExecutionResource(ExecutionService executions, ExecutionStore store, ScopeResolver scopes,
      ObjectMapper json) {
    this.executions = executions;
    this.store = store;
    this.scopes = scopes;
    this.json = json;
  }

  /** The body is optional ({@code {"branch"}}), so it is read as text: no body needs no Content-Type. */
  @POST
  public Response start(@Context Caller caller, @PathParam("org") String org, @PathParam("project") String project,
      @PathParam("pipeline") String pipeline, String body) {
    Scope scope = scopes.project(caller, org, project);
    Execution execution = executions.startManual(caller, scope, pipeline, branch(body));
    return Response.status(Response.Status.ACCEPTED)
        .entity(new StartExecutionResponse(execution.executionId(), execution.status()))
        .build();
  }

  @GET
  public ExecutionListResponse list(@Context Caller caller, @PathParam("org") String org,
      @PathParam("project") String project, @PathParam("pipeline") String pipeline) {
    Scope scope = scopes.project(caller, org, project);
    return new ExecutionListResponse(store.listNewestFirst(scope.accountId(), new PipelineKey(org, project, pipeline),
        LIST_LIMIT).stream().map(ExecutionResponses::of).toList());
  }

  private String branch(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    JsonNode request;
    try {
      request = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!request.isObject()) {
      throw ApiException.invalid("request body must be a JSON object like {\"branch\":\"main\"}");
    }
    JsonNode branch = request.get("branch");
    if (branch == null || branch.isNull()) {
      return null;
    }
    if (!branch.isTextual() || branch.asText().isBlank()) {
      throw ApiException.invalid("branch: must be a non-empty string");
    }
    return branch.asText();
  }
}
