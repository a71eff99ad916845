package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A blob upload running on another thread while the publisher does the rest of its work. Every way
 * out of a publish waits for it, so no request outlives the publish.
 */
final class LayerUpload {
  private final Future<?> upload;
  private final String action;

  LayerUpload(
      ExecutorService executor,
      RegistryClient client,
      Digest digest,
      byte[] content,
      String action) {
    this.upload = executor.submit(() -> client.pushBlob(digest, content));
    this.action = action;
  }

  /** Waits for the upload to end; throws its failure. */
  void await() {
    Throwable failure = end();
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  /** Waits for the upload to end, whatever its outcome. */
  void awaitQuietly() {
    end();
  }

  /**
   * Waits for the upload to end. Its failure if it failed: it was the first request, so it explains
   * {@code later} (a refused credential fails both); else {@code later}.
   */
  RuntimeException failureOr(RuntimeException later) {
    if (end() instanceof RuntimeException first && first != later) {
      first.addSuppressed(later);
      return first;
    }
    return later;
  }

  private Throwable end() {
    try {
      upload.get();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RegistryException(action, 0, "the thread was interrupted", e);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
