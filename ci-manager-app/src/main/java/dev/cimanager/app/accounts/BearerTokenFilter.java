package dev.cimanager.app.accounts;

import dev.cimanager.app.web.ApiException;
import dev.cimanager.app.web.Unauthenticated;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Authenticates every matched resource method not marked {@link Unauthenticated}: {@code
 * Authorization: Bearer <token>} must name a stored token, else 401. Runs after matching, so
 * unknown paths stay 404.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {
  private final TokenStore tokens;
  @Context private ResourceInfo resourceInfo;

  @Inject
  BearerTokenFilter(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (isUnauthenticated()) {
      return;
    }
    String token =
        bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))
            .orElseThrow(
                () -> ApiException.unauthorized("missing 'Authorization: Bearer <token>' header"));
    Caller caller =
        tokens
            .find(token)
            .orElseThrow(
                () ->
                    ApiException.unauthorized(
                        "the bearer token is not valid (unknown, revoked or expired)"));
    request.setProperty(Caller.REQUEST_PROPERTY, caller);
  }

  /** The token of an {@code Authorization: Bearer <token>} header value, if that is what it is. */
  static Optional<String> bearerToken(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = value.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private boolean isUnauthenticated() {
    return resourceInfo.getResourceMethod() != null
            && resourceInfo.getResourceMethod().isAnnotationPresent(Unauthenticated.class)
        || resourceInfo.getResourceClass() != null
            && resourceInfo.getResourceClass().isAnnotationPresent(Unauthenticated.class);
  }
}
