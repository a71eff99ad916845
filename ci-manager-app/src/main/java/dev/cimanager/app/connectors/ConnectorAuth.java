package dev.cimanager.app.connectors;

import java.util.Objects;

/** How a connector authenticates: anonymously, or with a username and a text secret reference. */
public sealed interface ConnectorAuth {
  record Anonymous() implements ConnectorAuth {}

  /**
   * {@code passwordRef} is a secret reference ({@code account.x}, {@code org.x}, {@code x})
   * resolved from the connector's scope with {@code SecretService}, as a {@code SecretText}.
   */
  record UsernamePassword(String username, String passwordRef) implements ConnectorAuth {
    public UsernamePassword {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(passwordRef, "passwordRef");
    }
  }
}
