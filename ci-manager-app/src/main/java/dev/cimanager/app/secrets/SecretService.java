package dev.cimanager.app.secrets;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopedReference;
import dev.cimanager.app.errors.ApiException;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Server-side secret resolution for the engine (not an endpoint): a YAML reference ({@code
 * account.x}, {@code org.x}, {@code x}) used from a pipeline's scope, checked against the expected
 * type. Errors are {@link ApiException}s whose messages name the reference, e.g. "secret
 * account.cosign_password not found".
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
   * @throws ApiException 400 {@code SECRET_NOT_FOUND} / {@code SECRET_TYPE_MISMATCH} / {@code
   *     INVALID_REFERENCE}, naming the reference
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
   * @throws ApiException as {@link #resolve}
   */
  public SecretMetadata metadata(Scope from, String reference, SecretType expected) {
    ScopedReference ref = ScopedReference.resolve("secret", reference, from);
    SecretMetadata metadata =
        store.find(ref.scope(), ref.identifier()).orElseThrow(() -> notFound(ref));
    requireType(ref, metadata, expected);
    return metadata;
  }

  private static ApiException notFound(ScopedReference ref) {
    return ApiException.badRequest("SECRET_NOT_FOUND", "secret " + ref.reference() + " not found");
  }

  private static void requireType(
      ScopedReference ref, SecretMetadata metadata, SecretType expected) {
    if (metadata.type() != expected) {
      throw ApiException.badRequest(
          "SECRET_TYPE_MISMATCH",
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
