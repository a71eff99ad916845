package dev.cimanager.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.contracts.errors.ErrorResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Errors Jetty answers itself, before Jersey sees the request (a malformed or ambiguous URI, bad
 * headers), in our {@code {"code","message"}} shape instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private final ObjectMapper mapper;

  public JsonErrorHandler(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A listener that installs this handler on the Jetty server as it starts. */
  public LifeCycle.Listener installer() {
    return new LifeCycle.Listener() {
      @Override
      public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server) {
          server.setErrorHandler(JsonErrorHandler.this);
        }
      }
    };
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    String code =
        switch (status) {
          case 400 -> "BAD_REQUEST";
          case 404 -> "NOT_FOUND";
          case 405 -> "METHOD_NOT_ALLOWED";
          case 413 -> "PAYLOAD_TOO_LARGE";
          case 414 -> "URI_TOO_LONG";
          case 431 -> "HEADERS_TOO_LARGE";
          default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
    String text = status >= 500 || message == null ? HttpStatus.getMessage(status) : message;
    byte[] body;
    try {
      body =
          mapper.writeValueAsBytes(
              new ErrorResponse(code, "the server refused the request: " + text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize an error body", e);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
