package dev.cimanager.app.accounts;

/**
 * Who the request's bearer token acts as. Resources take it as a parameter: {@code @Context Caller
 * caller} (set by {@link BearerTokenFilter}, bound by {@link CallerBinder}).
 */
public record Caller(String accountId, String userName, String userEmail) {
  static final String REQUEST_PROPERTY = Caller.class.getName();

  public Scope accountScope() {
    return Scope.account(accountId);
  }
}
