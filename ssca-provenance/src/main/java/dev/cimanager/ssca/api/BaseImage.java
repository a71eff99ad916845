package dev.cimanager.ssca.api;

/**
 * A base image the build pulled, pinned by digest: a resolved dependency of the build.
 *
 * @param name the image name as pulled, without tag or digest ({@code docker.io/library/alpine})
 * @param digest its manifest digest, {@code sha256:} + 64 lowercase hex digits
 */
public record BaseImage(String name, String digest) {
  public BaseImage {
    name = Require.text(name, "baseImages.name");
    digest = Require.sha256Digest(digest, "baseImages.digest");
  }
}
