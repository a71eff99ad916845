package dev.cimanager.app.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything nobody anticipated: logged with an id, answered 500 {@code INTERNAL} with that id and
 * nothing else (exception messages may carry internals).
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    var wrapped =
        ErrorResponses.wrappedApiException(e).or(() -> RequestBodyFailures.invalidBody(e));
    if (wrapped.isPresent()) {
      return ErrorResponses.of(wrapped.get());
    }
    String errorId = UUID.randomUUID().toString();
    LOG.error("Unexpected error {} while handling a request", errorId, e);
    return ErrorResponses.of(
        500, "INTERNAL", "internal error " + errorId + "; the server log has the details");
  }
}
