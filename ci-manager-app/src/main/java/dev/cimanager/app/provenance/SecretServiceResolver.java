package dev.cimanager.app.provenance;

import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.secrets.SecretException;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.secrets.SecretType;
import dev.cimanager.ssca.spi.ResolvedSecret;
import dev.cimanager.ssca.spi.SecretResolutionException;
import dev.cimanager.ssca.spi.SecretResolver;
import dev.cimanager.ssca.spi.SecretScope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The SSCA module's {@link SecretResolver} over the app's {@link SecretService}: the same
 * references, scope rules, type checks and messages users see everywhere else ("secret
 * account.cosign_password is a SecretFile but a SecretText is required").
 */
@Singleton
final class SecretServiceResolver implements SecretResolver {
  private final SecretService secrets;

  @Inject
  SecretServiceResolver(SecretService secrets) {
    this.secrets = secrets;
  }

  @Override
  public ResolvedSecret resolveFile(SecretScope scope, String reference) {
    return resolve(scope, reference, SecretType.SecretFile);
  }

  @Override
  public ResolvedSecret resolveText(SecretScope scope, String reference) {
    return resolve(scope, reference, SecretType.SecretText);
  }

  private ResolvedSecret resolve(SecretScope scope, String reference, SecretType expected) {
    Scope from = Scope.project(scope.accountId(), scope.orgIdentifier(), scope.projectIdentifier());
    try {
      dev.cimanager.app.secrets.ResolvedSecret secret = secrets.resolve(from, reference, expected);
      return new ResolvedSecret(secret.reference(), secret.version(), secret.value());
    } catch (SecretException e) {
      throw new SecretResolutionException(reference, problem(e.reason()), e.getMessage(), e);
    } catch (ReferenceException e) {
      throw new SecretResolutionException(
          reference, SecretResolutionException.Problem.INVALID_REFERENCE, e.getMessage(), e);
    }
  }

  private static SecretResolutionException.Problem problem(SecretException.Reason reason) {
    return switch (reason) {
      case NOT_FOUND, REFERENCE_NOT_FOUND -> SecretResolutionException.Problem.NOT_FOUND;
      case WRONG_TYPE -> SecretResolutionException.Problem.WRONG_TYPE;
      case DUPLICATE -> SecretResolutionException.Problem.UNREADABLE;
    };
  }
}
