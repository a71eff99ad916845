package dev.cimanager.app.errors;

import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.errors.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the single error body shape. */
final class ErrorResponses {
  private ErrorResponses() {}

  /**
   * The {@link ApiException} a reader wrapped (e.g. the body size limit tripping inside Jackson or
   * the multipart parser), if any.
   */
  static java.util.Optional<ApiException> wrappedApiException(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return java.util.Optional.of(api);
      }
    }
    return java.util.Optional.empty();
  }

  static Response of(ApiException e) {
    return of(e.status(), e.code(), e.getMessage());
  }

  static Response of(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorResponse(code, message))
        .build();
  }
}
