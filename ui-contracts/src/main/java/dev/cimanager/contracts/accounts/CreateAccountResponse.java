package dev.cimanager.contracts.accounts;

/**
 * The new account and a bearer token acting as its first user (shown once, stored only as a hash).
 */
public record CreateAccountResponse(String identifier, String token) {
  @Override
  public String toString() {
    return "CreateAccountResponse[identifier=" + identifier + ", token=***]";
  }
}
