package dev.cimanager.app.provenance;

/**
 * {@code POST {S}/secrets/cosign-key-pair}: where to store the three secrets, and the key's
 * password (null to have one generated).
 */
public record CosignKeyPairRequest(
    SecretName privateKey, SecretName publicKey, SecretName password, String passwordValue) {

  /** One secret to create; {@code name} defaults to the identifier. */
  public record SecretName(String identifier, String name) {}
}
