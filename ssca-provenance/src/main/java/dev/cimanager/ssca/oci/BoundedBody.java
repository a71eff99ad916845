package dev.cimanager.ssca.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a registry's answer into memory up to {@link #MAX_BYTES}, and fails with {@link
 * TooLargeException} beyond (at once when {@code Content-Length} says so). A registry is any host a
 * tenant's connector names: an endless manifest or blob must not fill the server's heap. Manifests
 * are at most 4 MiB in the Distribution spec, and the blobs read are attestation layers (DSSE
 * envelopes, kilobytes).
 */
final class BoundedBody {
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private BoundedBody() {}

  /** The answer was larger than the limit; no retry will make it smaller. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super(
          "the registry's answer is larger than "
              + MAX_BYTES
              + " bytes, more than any manifest or"
              + " attestation layer");
    }

    /** The refusal in {@code e}'s cause chain, or null. */
    static TooLargeException in(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof TooLargeException tooLarge) {
          return tooLarge;
        }
      }
      return null;
    }
  }

  static HttpResponse.BodyHandler<byte[]> handler() {
    return info -> new Subscriber(info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long declaredLength;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Subscriber(long declaredLength) {
      this.declaredLength = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declaredLength > MAX_BYTES) {
        tooLarge();
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + (long) buffer.remaining() > MAX_BYTES) {
          tooLarge();
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    private void tooLarge() {
      subscription.cancel();
      result.completeExceptionally(new TooLargeException());
    }
  }
}
