package dev.cimanager.ssca.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A repository in a registry, e.g. {@code 127.0.0.1:5000/demo/app}. {@code registry} is the host as
 * written in image references ({@code docker.io} for Docker Hub), {@code repository} the path.
 */
public record RepositoryRef(String registry, String repository) {
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]{1,5})?");
  static final String DOCKER_HUB = "docker.io";

  public RepositoryRef {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    if (!HOST.matcher(registry).matches()) {
      throw new IllegalArgumentException("registry must be host[:port], got '" + registry + "'");
    }
    if (repository.length() > 255) {
      throw new IllegalArgumentException(
          "repository must be at most 255 characters, got " + repository.length());
    }
    for (String component : repository.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw new IllegalArgumentException(
            "repository '"
                + repository
                + "' has an invalid path component '"
                + component
                + "' (lowercase letters, digits, and . _ __ - between them)");
      }
    }
  }

  /**
   * Parses {@code [host[:port]/]path} with Docker's rules: the first component is a registry host
   * when it contains '.' or ':' or is {@code localhost}; otherwise the registry is Docker Hub,
   * where a one-component path lives under {@code library/}.
   */
  public static RepositoryRef parse(String value) {
    Objects.requireNonNull(value, "repository reference");
    int slash = value.indexOf('/');
    String first = slash < 0 ? "" : value.substring(0, slash);
    if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      return new RepositoryRef(first, value.substring(slash + 1));
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("repository reference must not be empty");
    }
    return new RepositoryRef(DOCKER_HUB, slash < 0 ? "library/" + value : value);
  }

  /**
   * The host the Registry API answers on: Docker Hub's API lives on {@code registry-1.docker.io}.
   */
  public String apiHost() {
    return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
  }

  @Override
  public String toString() {
    return registry + "/" + repository;
  }
}
