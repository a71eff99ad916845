package dev.cimanager.ssca.spi;

import java.util.Objects;

/**
 * Username and password (or token) for a container registry. The password never appears in
 * {@link #toString()}, logs or exception messages.
 */
public record RegistryCredentials(String username, String password) {
  public RegistryCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isEmpty()) {
      throw new IllegalArgumentException("username must not be empty");
    }
    if (username.indexOf(':') >= 0) {
      // Basic auth joins username and password with ':'; a colon in the name would shift the split
      throw new IllegalArgumentException("username must not contain ':'");
    }
  }

  @Override
  public String toString() {
    return "RegistryCredentials[username=" + username + ", password=****]";
  }
}
