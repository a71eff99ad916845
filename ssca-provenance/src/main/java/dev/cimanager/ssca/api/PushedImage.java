package dev.cimanager.ssca.api;

import dev.cimanager.ssca.spi.RepositoryRef;
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
    repository = Require.text(repository, "image.repository");
    try {
      new RepositoryRef(registry, repository);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("image: " + e.getMessage(), e);
    }
    // as Docker reads names: a first component without '.' or ':' would be a Docker Hub path, not a
    // host
    if (!registry.contains(".") && !registry.contains(":") && !registry.equals("localhost")) {
      throw new IllegalArgumentException(
          "image.registry must be a host name with a '.' or a port, or localhost, but was '"
              + registry
              + "'");
    }
    tags = Require.texts(tags, "image.tags");
    digest = Require.sha256Digest(digest, "image.digest");
  }

  /** {@code registry/repository}: the name users pull and the statement's subject name. */
  public String name() {
    return registry + "/" + repository;
  }

  RepositoryRef repositoryRef() {
    return new RepositoryRef(registry, repository);
  }

  /** The digest's hex part (no algorithm prefix). */
  public String digestHex() {
    return digest.substring("sha256:".length());
  }
}
