package dev.cimanager.app.execution;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.execution.Execution.StageRun;
import dev.cimanager.app.execution.Execution.StepRun;
import dev.cimanager.app.execution.tools.StepLog;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.executions.ExecutionResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An execution and its step logs, by execution id. (A separate root resource from the pipeline's
 * executions: JAX-RS picks the root path with the most literal characters first.)
 */
@Path("/api/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
public final class ExecutionResource {

  private final ExecutionStore store;
  private final StepLogStore logs;
  private final RunningStepLogs runningLogs;
  private final ExecutionAborts aborts;

  @Inject
  ExecutionResource(
      ExecutionStore store,
      StepLogStore logs,
      RunningStepLogs runningLogs,
      ExecutionAborts aborts) {
    this.store = store;
    this.logs = logs;
    this.runningLogs = runningLogs;
    this.aborts = aborts;
  }

  @GET
  @Path("{executionId}")
  public ExecutionResponse get(
      @Context Caller caller, @PathParam("executionId") String executionId) {
    return ExecutionResponses.of(find(caller, executionId));
  }

  /**
   * Aborts a queued or running execution (202): a queued one is ABORTED in the answer, a running
   * one ends ABORTED within seconds, on whichever instance runs it. 409 {@code EXECUTION_ENDED}
   * once it has ended.
   */
  @POST
  @Path("{executionId}/abort")
  public Response abort(@Context Caller caller, @PathParam("executionId") String executionId) {
    return Response.status(Response.Status.ACCEPTED)
        .entity(ExecutionResponses.of(aborts.abort(caller, executionId)))
        .build();
  }

  /**
   * The step's log, masked; empty while the step has not started. With {@code ?from=N} (0-based
   * line number): lines N to the end as they are now, with {@code X-Next-Line} (where to read from
   * next) and {@code X-Log-Complete} ({@code true} once the step has ended, so no line will
   * follow).
   */
  @GET
  @Path("{executionId}/stages/{stage}/steps/{step}/logs")
  @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
  public Response logs(
      @Context Caller caller,
      @PathParam("executionId") String executionId,
      @PathParam("stage") String stageIdentifier,
      @PathParam("step") String stepIdentifier,
      @QueryParam("from") String from) {
    Integer fromLine = from == null ? null : lineNumber(from);
    Execution execution = find(caller, executionId);
    StageRun stage =
        execution.stages().stream()
            .filter(s -> s.identifier().equals(stageIdentifier))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "STAGE_NOT_FOUND",
                        "stage '"
                            + stageIdentifier
                            + "' not found in execution '"
                            + executionId
                            + "'"));
    StepRun step =
        stage.steps().stream()
            .filter(s -> s.identifier().equals(stepIdentifier))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "STEP_NOT_FOUND",
                        "step '"
                            + stepIdentifier
                            + "' not found in stage '"
                            + stageIdentifier
                            + "' of execution '"
                            + executionId
                            + "'"));
    // the status is read before the log: a step seen ended has its whole log stored
    boolean complete = step.status() != null && step.status().isFinal();
    StepLog.Slice slice =
        runningLogs
            .find(executionId, stageIdentifier, stepIdentifier)
            .map(log -> log.from(fromLine == null ? 0 : fromLine))
            .orElseGet(
                () ->
                    logs.from(
                        executionId,
                        stageIdentifier,
                        stepIdentifier,
                        fromLine == null ? 0 : fromLine));
    Response.ResponseBuilder response = Response.ok(slice.text());
    if (fromLine != null) {
      response.header("X-Next-Line", slice.nextLine()).header("X-Log-Complete", complete);
    }
    return response.build();
  }

  private static int lineNumber(String from) {
    try {
      int line = Integer.parseInt(from);
      if (line >= 0) {
        return line;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "INVALID_QUERY_PARAMETER",
        "from: must be a line number, 0 or more (the X-Next-Line of the previous answer), but was '"
            + (from.length() > 40 ? from.substring(0, 40) + "..." : from)
            + "'");
  }

  private Execution find(Caller caller, String executionId) {
    return store
        .find(caller.accountId(), executionId)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "EXECUTION_NOT_FOUND", "execution '" + executionId + "' not found"));
  }
}
