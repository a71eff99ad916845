package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import java.util.Objects;

/**
 * Where an attestation landed.
 *
 * @param reference {@code host[:port]/repo:sha256-<hex>.att}
 * @param manifestDigest the {@code .att} manifest that holds the layer
 * @param layerDigest the layer (the DSSE envelope blob)
 * @param layerCount how many attestations that manifest holds
 */
public record PublishedAttestation(
    String reference, Digest manifestDigest, Digest layerDigest, int layerCount) {
  public PublishedAttestation {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(layerDigest, "layerDigest");
    if (layerCount < 1) {
      throw new IllegalArgumentException("layerCount must be at least 1, got " + layerCount);
    }
  }
}
