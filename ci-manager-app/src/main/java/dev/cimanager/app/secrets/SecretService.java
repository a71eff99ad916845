package dev.cimanager.app.secrets;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopedReference;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Server-side secret resolution for the engine (not an endpoint): a YAML reference ({@code
 * account.x}, {@code org.x}, {@code x}) used from a pipeline's scope, checked against the expected
 * type. Errors are {@link SecretException}s (and {@code ReferenceException}s for a malformed
 * reference) whose messages name the reference, e.g. "secret account.cosign_password not found".
 */
@Singleton
public final class SecretService {
  private final SecretStore store;

  @Inject
  SecretService(SecretStore store) {
    this.store = store;
  }

  /**
   * Resolves {@code reference} from {@code from} (usually the pipeline's project scope).
   *
   * @throws SecretException {@code REFERENCE_NOT_FOUND} / {@code WRONG_TYPE}, naming the reference
   * @throws ReferenceException for an empty or malformed reference
   */
  public ResolvedSecret resolve(Scope from, String reference, SecretType expected) {
    ScopedReference ref = ScopedReference.resolve("secret", reference, from);
    SecretStore.DecryptedSecret secret =
        store.read(ref.scope(), ref.identifier()).orElseThrow(() -> notFound(ref));
    requireType(ref, secret.metadata(), expected);
    return new ResolvedSecret(
        ref.reference(), expected, secret.metadata().version(), secret.value());
  }

  /**
   * Checks that {@code reference} resolves from {@code from} to a secret of type {@code expected},
   * without decrypting it (e.g. when a pipeline is saved).
   *
   * @throws SecretException as {@link #resolve}
   */
  public SecretMetadata metadata(Scope from, String reference, SecretType expected) {
    ScopedReference ref = ScopedReference.resolve("secret", reference, from);
    SecretMetadata metadata =
        store.find(ref.scope(), ref.identifier()).orElseThrow(() -> notFound(ref));
    requireType(ref, metadata, expected);
    return metadata;
  }

  private static SecretException notFound(ScopedReference ref) {
    return new SecretException(
        SecretException.Reason.REFERENCE_NOT_FOUND, "secret " + ref.reference() + " not found");
  }

  private static void requireType(
      ScopedReference ref, SecretMetadata metadata, SecretType expected) {
    if (metadata.type() != expected) {
      throw new SecretException(
          SecretException.Reason.WRONG_TYPE,
          "secret "
              + ref.reference()
              + " is a "
              + metadata.type()
              + " but a "
              + expected
              + " is required");
    }
  }
}
