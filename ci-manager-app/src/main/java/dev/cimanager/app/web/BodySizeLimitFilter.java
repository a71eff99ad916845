package dev.cimanager.app.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies above {@link #MAX_BODY_BYTES} with 413 {@code PAYLOAD_TOO_LARGE}: up front
 * from Content-Length, and while reading for chunked bodies. The largest legitimate body is a 1 MiB
 * file secret in a multipart envelope.
 */
@PreMatching
@Priority(100)
public final class BodySizeLimitFilter implements ContainerRequestFilter {
  public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    int length = request.getLength();
    if (length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedInputStream(request.getEntityStream()));
    }
  }

  static ApiException tooLarge() {
    return new ApiException(
        413,
        "PAYLOAD_TOO_LARGE",
        "the request body exceeds the limit of " + MAX_BODY_BYTES + " bytes");
  }

  private static final class LimitedInputStream extends FilterInputStream {
    private long read;

    LimitedInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw tooLarge();
      }
    }
  }
}
