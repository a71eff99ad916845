package dev.cimanager.ssca.oci;

import java.util.Objects;

/** A manifest as the registry served it: its exact bytes, their digest and the Content-Type. */
public record FetchedManifest(Digest digest, String mediaType, byte[] content) {
  public FetchedManifest {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
  }
}
