package dev.cimanager.ssca.spi;

import java.util.Objects;

/**
 * A username and password (or token) for a container registry or a Git server: the one credentials
 * type of the builder, the Git client and the SSCA module, so a username is checked once, by one
 * rule, when a connector is saved (see {@link #usernameProblem}) rather than after buildah has
 * pushed. The password never appears in {@link #toString()}, logs or exception messages.
 */
public record Credentials(String username, String password) {
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    String problem = usernameProblem(username);
    if (problem != null) {
      throw new IllegalArgumentException("username " + problem);
    }
  }

  /**
   * What is wrong with this username, e.g. {@code "must not contain ':'"}, or null when it is
   * usable. Basic auth joins username and password with ':', so a colon in the name would shift the
   * split.
   */
  public static String usernameProblem(String username) {
    if (username.isEmpty()) {
      return "must not be empty";
    }
    return username.indexOf(':') >= 0 ? "must not contain ':'" : null;
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=****]";
  }
}
