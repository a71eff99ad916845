package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import java.util.Objects;

/** A manifest as the registry served it: its exact bytes, their digest and the Content-Type. */
public record FetchedManifest(Digest digest, String mediaType, byte[] content) {
  public FetchedManifest {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(mediaType, "mediaType");
    content = Objects.requireNonNull(content, "content").clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
