package dev.cimanager.ssca.spi;

/**
 * Implemented by the host: reads secrets by the references users write ({@code account.x}, {@code
 * org.x}, {@code x}) within an execution's scope.
 */
public interface SecretResolver {

  /**
   * The content of a file secret.
   *
   * @throws SecretResolutionException when the reference is malformed, names no secret in scope, or
   *     names a text secret
   */
  ResolvedSecret resolveFile(SecretScope scope, String reference);

  /**
   * The value of a text secret, as UTF-8 bytes.
   *
   * @throws SecretResolutionException when the reference is malformed, names no secret in scope, or
   *     names a file secret
   */
  ResolvedSecret resolveText(SecretScope scope, String reference);
}
