package dev.cimanager.ssca.api;

import java.util.List;

/**
 * The image the step pushed: the provenance's subject.
 *
 * @param registry registry host, with port when not the default ({@code 127.0.0.1:5000})
 * @param repository repository path inside the registry ({@code demo/app})
 * @param tags the tags pushed
 * @param digest the pushed manifest's digest, {@code sha256:} + 64 lowercase hex digits
 */
public record PushedImage(String registry, String repository, List<String> tags, String digest) {
  public PushedImage {
    registry = Require.text(registry, "image.registry");
    if (registry.contains("/") || registry.contains("://")) {
      throw new IllegalArgumentException(
          "image.registry must be a host[:port] without scheme or path but was '" + registry + "'");
    }
    repository = Require.text(repository, "image.repository");
    if (!repository.equals(repository.toLowerCase(java.util.Locale.ROOT)) || repository.startsWith("/")) {
      throw new IllegalArgumentException(
          "image.repository must be a lowercase path without leading slash but was '" + repository + "'");
    }
    tags = Require.texts(tags, "image.tags");
    digest = Require.sha256Digest(digest, "image.digest");
  }

  /** {@code registry/repository}: the name users pull and the statement's subject name. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The digest's hex part (no algorithm prefix). */
  public String digestHex() {
    return digest.substring("sha256:".length());
  }
}
