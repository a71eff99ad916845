package dev.cimanager.app.secrets;

import dev.cimanager.contracts.secrets.SecretType;
import java.nio.charset.StandardCharsets;

/** Resolved secrets for unit tests of code that masks them (the constructor is package-private). */
public final class ResolvedSecretsForTests {
  private ResolvedSecretsForTests() {}

  public static ResolvedSecret text(String reference, String value) {
    return new ResolvedSecret(
        reference, SecretType.SecretText, 1, value.getBytes(StandardCharsets.UTF_8));
  }
}
