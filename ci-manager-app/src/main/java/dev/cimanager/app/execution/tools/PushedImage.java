package dev.cimanager.app.execution.tools;

import dev.cimanager.ssca.spi.Digest;
import java.util.List;
import java.util.Objects;

/**
 * An image the registry now serves under every tag with one manifest digest.
 *
 * @param image {@code registry/repository}, e.g. {@code 127.0.0.1:5000/demo/app}
 * @param digest the OCI manifest digest, {@code sha256:<64 hex>}, as the registry serves it
 * @param builderVersion the buildah version that built it, e.g. {@code 1.28.2}
 * @param baseImages the external {@code FROM} images by digest (none for {@code FROM scratch})
 */
public record PushedImage(
    String image,
    List<String> tags,
    String digest,
    String builderVersion,
    List<BaseImage> baseImages) {

  public PushedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(builderVersion, "builderVersion");
    tags = List.copyOf(tags);
    baseImages = List.copyOf(baseImages);
    if (!Digest.isValid(digest)) {
      throw new IllegalArgumentException("digest must be sha256:<64 lowercase hex>: " + digest);
    }
  }

  /**
   * A {@code FROM} image as the build resolved it.
   *
   * @param reference as written in the Dockerfile, e.g. {@code 127.0.0.1:5000/base:1}
   * @param digest the manifest digest it resolved to
   */
  public record BaseImage(String reference, String digest) {

    public BaseImage {
      Objects.requireNonNull(reference, "reference");
      if (!Digest.isValid(digest)) {
        throw new IllegalArgumentException("digest must be sha256:<64 lowercase hex>: " + digest);
      }
    }
  }
}
