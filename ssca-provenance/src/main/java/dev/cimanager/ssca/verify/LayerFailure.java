package dev.cimanager.ssca.verify;

import dev.cimanager.ssca.spi.Digest;
import java.util.Objects;

/** One {@code .att} layer that failed a check, and which check. */
public record LayerFailure(int layerIndex, Digest layerDigest, String reason) {
  public LayerFailure {
    Objects.requireNonNull(layerDigest, "layerDigest");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "layer " + layerIndex + " (" + layerDigest + "): " + reason;
  }
}
