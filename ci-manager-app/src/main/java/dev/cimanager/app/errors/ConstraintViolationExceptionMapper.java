package dev.cimanager.app.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/** Bean validation failures (where a resource uses {@code @Valid}): 400 naming each property. */
public final class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException e) {
    String message =
        e.getConstraintViolations().stream()
            .map(ConstraintViolationExceptionMapper::describe)
            .sorted()
            .collect(Collectors.joining("; "));
    return ErrorResponses.of(400, "INVALID_REQUEST", message);
  }

  private static String describe(ConstraintViolation<?> violation) {
    // Property paths of method parameters look like "create.arg0.name": keep the part after the
    // argument.
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    String field =
        parts.length > 2
            ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
            : path;
    return field.isEmpty() ? violation.getMessage() : field + " " + violation.getMessage();
  }
}
