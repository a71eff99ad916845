package dev.cimanager.ssca.api;

/**
 * The secret references of the Cosign signing key, as written in the stage's {@code
 * slsa_provenance} settings; references, never values.
 *
 * @param privateKey reference of the file secret holding the private key ({@code
 *     account.cosign_private_key})
 * @param password reference of the text secret holding its password ({@code
 *     account.cosign_password})
 */
public record SigningKeyRef(String privateKey, String password) {
  public SigningKeyRef {
    privateKey = Require.text(privateKey, "slsa_provenance.attestation.spec.private_key");
    password = Require.text(password, "slsa_provenance.attestation.spec.password");
  }
}
