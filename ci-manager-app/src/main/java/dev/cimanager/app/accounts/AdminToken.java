package dev.cimanager.app.accounts;

import dev.cimanager.app.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bootstrap admin token (CI_MANAGER_ADMIN_TOKEN), which may only create accounts. Empty
 * disables the admin API.
 */
public final class AdminToken {
  private final byte[] token;

  public AdminToken(String token) {
    this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Throws 403 when the admin API is disabled, 401 when {@code authorizationHeader} is not the
   * token.
   */
  public void check(String authorizationHeader) {
    if (token.length == 0) {
      throw new ApiException(
          403,
          "ADMIN_API_DISABLED",
          "the admin API is disabled: start the server with CI_MANAGER_ADMIN_TOKEN set to create accounts");
    }
    String presented =
        BearerTokenFilter.bearerToken(authorizationHeader)
            .orElseThrow(
                () ->
                    ApiException.unauthorized(
                        "missing 'Authorization: Bearer <admin token>' header"));
    // Constant-time comparison: the admin token guards account creation.
    if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.unauthorized("the bearer token is not the admin token");
    }
  }

  @Override
  public String toString() {
    return "AdminToken[***]";
  }
}
