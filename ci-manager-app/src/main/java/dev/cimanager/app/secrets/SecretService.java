package dev.cimanager.app.secrets;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopedReference;
import dev.cimanager.app.errors.ApiException;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Server-side secret resolution for the engine (not an endpoint): a YAML reference ({@code account.x},
 * {@code org.x}, {@code x}) used from a pipeline's scope, checked against the expected type. Errors are
 * {@link ApiException}s whose messages name the reference, e.g. "secret account.cosign_password not
 * found".
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
   * @throws ApiException 400 {@code SECRET_NOT_FOUND} / {@code SECRET_TYPE_MISMATCH} /
   *     {@code INVALID_REFERENCE}, naming the reference
   */
  public ResolvedSecret resolve(Scope from, String reference, SecretType expected) {
    ScopedReference ref = ScopedReference.resolve("secret", reference, from);
    SecretStore.DecryptedSecret secret =
        store
            .read(ref.scope(), ref.identifier())
            .orElseThrow(
                () -> ApiException.badRequest("SECRET_NOT_FOUND", "secret " + ref.reference() + " not found"));
    SecretType actual = secret.metadata().type();
    if (actual != expected) {
      throw ApiException.badRequest(
          "SECRET_TYPE_MISMATCH",
          "secret " + ref.reference() + " is a " + actual + " but a " + expected + " is required");
    }
    return new ResolvedSecret(ref.reference(), actual, secret.metadata().version(), secret.value());
  }
}
