package dev.cimanager.app.execution.steps;

import java.util.Objects;

/** A username and password for a Git server or a registry; {@code toString} hides the password. */
public record Credentials(String username, String password) {

  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=**************]";
  }
}
