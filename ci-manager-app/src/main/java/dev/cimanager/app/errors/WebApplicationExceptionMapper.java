package dev.cimanager.app.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey's own errors (unknown path, wrong method, unsupported media type, ...) in our error shape,
 * keeping the status and headers such as {@code Allow}.
 */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {
  private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);
  @Context private UriInfo uriInfo;
  @Context private Request request;
  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(WebApplicationException e) {
    var wrapped =
        ErrorResponses.wrappedApiException(e).or(() -> RequestBodyFailures.invalidBody(e));
    if (wrapped.isPresent()) {
      return ErrorResponses.of(wrapped.get());
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    String path = "/" + uriInfo.getPath();
    String method = request.getMethod();
    String code;
    String message;
    switch (status) {
      case 404 -> {
        code = "NOT_FOUND";
        message = "no endpoint " + method + " " + path;
      }
      case 405 -> {
        code = "METHOD_NOT_ALLOWED";
        message =
            "method "
                + method
                + " is not allowed on "
                + path
                + "; allowed: "
                + original.getAllowedMethods();
      }
      case 406 -> {
        code = "NOT_ACCEPTABLE";
        message =
            path
                + " cannot answer in the requested Accept type "
                + headers.getRequestHeader("Accept");
      }
      case 413 -> {
        code = "PAYLOAD_TOO_LARGE";
        message = "the request body is too large";
      }
      case 415 -> {
        code = "UNSUPPORTED_MEDIA_TYPE";
        message =
            "Content-Type "
                + headers.getMediaType()
                + " is not supported by "
                + method
                + " "
                + path;
      }
      case 400 -> {
        // A Jersey 400 on a multipart request comes from its multipart reader: the body did not
        // parse.
        boolean multipart =
            headers.getMediaType() != null && "multipart".equals(headers.getMediaType().getType());
        code = multipart ? "INVALID_MULTIPART" : "BAD_REQUEST";
        message =
            multipart
                ? "the body is not valid multipart/form-data: "
                    + rootCause(e)
                    + "; send the parts identifier, name and file"
                : describe(e, method, path);
      }
      default -> {
        if (status >= 500) {
          LOG.error("Jersey answered {} to {} {}", status, method, path, e);
        }
        code = status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        message =
            status >= 500
                ? "internal error; the server log has the details"
                : describe(e, method, path);
      }
    }
    Response mapped = ErrorResponses.of(status, code, message);
    if (!original.getAllowedMethods().isEmpty()) {
      return Response.fromResponse(mapped).allow(original.getAllowedMethods()).build();
    }
    return mapped;
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String describe(WebApplicationException e, String method, String path) {
    String detail = e.getMessage();
    return "bad request to " + method + " " + path + (detail == null ? "" : ": " + detail);
  }
}
