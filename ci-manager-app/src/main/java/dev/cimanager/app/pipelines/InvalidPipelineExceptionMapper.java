package dev.cimanager.app.pipelines;

import dev.cimanager.contracts.pipelines.InvalidPipelineResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * 400 {@code INVALID_PIPELINE} with every problem in {@code message} and one by one in {@code
 * errors}.
 */
public final class InvalidPipelineExceptionMapper
    implements ExceptionMapper<InvalidPipelineException> {

  public static final String CODE = "INVALID_PIPELINE";

  @Override
  public Response toResponse(InvalidPipelineException e) {
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
