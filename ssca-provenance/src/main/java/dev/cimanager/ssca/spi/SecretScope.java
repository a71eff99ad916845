package dev.cimanager.ssca.spi;

/**
 * Where a secret reference is resolved: {@code account.x} in the account, {@code org.x} in the org,
 * {@code x} in the project.
 */
public record SecretScope(String accountId, String orgIdentifier, String projectIdentifier) {
  public SecretScope {
    if (accountId == null || orgIdentifier == null || projectIdentifier == null) {
      throw new IllegalArgumentException(
          "a secret scope needs accountId, orgIdentifier and projectIdentifier");
    }
  }
}
