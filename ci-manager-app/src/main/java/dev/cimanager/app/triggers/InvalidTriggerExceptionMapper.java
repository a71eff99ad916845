package dev.cimanager.app.triggers;

import dev.cimanager.contracts.pipelines.InvalidPipelineResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * 400 {@code INVALID_TRIGGER} in the shape of pipelines' 400: every problem in {@code message} and
 * in {@code errors}.
 */
public final class InvalidTriggerExceptionMapper
    implements ExceptionMapper<InvalidTriggerException> {

  public static final String CODE = "INVALID_TRIGGER";

  @Override
  public Response toResponse(InvalidTriggerException e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            new InvalidPipelineResponse(
                CODE,
                e.getMessage(),
                e.problems().stream()
                    .map(
                        problem ->
                            new InvalidPipelineResponse.Problem(problem.path(), problem.message()))
                    .toList()))
        .build();
  }
}
