package dev.cimanager.ssca.oci;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The host's record of one publish, which {@link AttestationPublisher} writes alongside its
 * registry requests instead of before and after them.
 *
 * @param beforeManifest runs while the layer uploads and the lock is taken; the manifest is written
 *     only after it returned, and not at all if it throws (its exception then propagates, ahead of
 *     any registry failure: the record it should have written may not exist)
 * @param afterManifest runs once the tag names a manifest holding the layer, while the lock is
 *     released; the publish returns after it, and its exception propagates
 */
public record Outbox(Runnable beforeManifest, Consumer<PublishedAttestation> afterManifest) {
  /** Nothing to record. */
  public static final Outbox NONE = new Outbox(() -> {}, published -> {});

  public Outbox {
    Objects.requireNonNull(beforeManifest, "beforeManifest");
    Objects.requireNonNull(afterManifest, "afterManifest");
  }
}
