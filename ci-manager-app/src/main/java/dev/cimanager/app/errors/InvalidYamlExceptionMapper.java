package dev.cimanager.app.errors;

import dev.cimanager.app.pipelines.InvalidPipelineException;
import dev.cimanager.app.pipelines.InvalidYamlException;
import dev.cimanager.contracts.pipelines.InvalidPipelineResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * 400 {@code INVALID_PIPELINE} or {@code INVALID_TRIGGER}: every problem in {@code message} and one
 * by one in {@code errors}.
 */
public final class InvalidYamlExceptionMapper implements ExceptionMapper<InvalidYamlException> {
  @Override
  public Response toResponse(InvalidYamlException e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            new InvalidPipelineResponse(
                e instanceof InvalidPipelineException ? "INVALID_PIPELINE" : "INVALID_TRIGGER",
                e.getMessage(),
                e.problems().stream()
                    .map(p -> new InvalidPipelineResponse.Problem(p.path(), p.message()))
                    .toList()))
        .build();
  }
}
