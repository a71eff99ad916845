package dev.cimanager.app.errors;

import com.fasterxml.jackson.core.JacksonException;
import dev.cimanager.app.web.ApiException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes a failure to read the request body (a {@code Content-Encoding: gzip} body that is not
 * gzip, a connection cut mid-body, ...): an {@link IOException} anywhere in the cause chain, raised
 * while Jetty or Jersey was reading the entity. That is bad input, so it answers 400 {@code
 * INVALID_BODY}, never 500.
 */
final class RequestBodyFailures {
  /**
   * Frames present whenever the request body is being read, whoever reads it (a filter, a reader).
   */
  private static final Set<String> BODY_READERS =
      Set.of(
          "org.eclipse.jetty.ee10.servlet.HttpInput",
          "org.glassfish.jersey.message.internal.InboundMessageContext",
          "org.glassfish.jersey.message.internal.ReaderInterceptorExecutor");

  private RequestBodyFailures() {}

  static Optional<ApiException> invalidBody(Throwable e) {
    IOException io = null;
    boolean readingBody = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // Jackson's parse errors are IOExceptions too, but they mean malformed content: INVALID_JSON.
      if (io == null && t instanceof IOException found && !(t instanceof JacksonException)) {
        io = found;
      }
      readingBody |=
          Arrays.stream(t.getStackTrace())
              .anyMatch(frame -> BODY_READERS.contains(frame.getClassName()));
    }
    if (io == null || !readingBody) {
      return Optional.empty();
    }
    return Optional.of(
        ApiException.badRequest(
            "INVALID_BODY",
            "the request body could not be read: "
                + describe(io)
                + "; check that it matches its Content-Type and Content-Encoding headers"));
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }
}
