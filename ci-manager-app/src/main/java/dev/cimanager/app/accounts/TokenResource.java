package dev.cimanager.app.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cimanager.app.web.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/tokens}: an account's API tokens. Create (optionally expiring; the value is
 * answered once), list (never the value) and revoke. A new token acts as the calling token's user.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class TokenResource {
  static final int MAX_DAYS = 3650;
  private final TokenStore tokens;
  private final Clock clock;

  /** {@code expiresAt} (RFC 3339) or {@code expiresInDays}, or neither (no expiry). */
  public record CreateTokenRequest(String name, String expiresAt, Integer expiresInDays) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TokenJson(
      String id, String name, String createdAt, String expiresAt, String lastUsedAt) {
    static TokenJson of(TokenStore.TokenInfo info) {
      return new TokenJson(
          info.id(),
          info.name(),
          text(info.createdAt()),
          text(info.expiresAt()),
          text(info.lastUsedAt()));
    }
  }

  public record CreatedTokenJson(
      String id, String name, String token, String createdAt, String expiresAt) {}

  @Inject
  TokenResource(TokenStore tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Context Caller caller,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      CreateTokenRequest request) {
    if (request == null) {
      throw ApiException.invalid(
          "request body is required: {\"name\"} with optional \"expiresAt\" or"
              + " \"expiresInDays\"");
    }
    String name = Identifiers.requireName("name", request.name());
    Instant expiresAt = notAfterCallingToken(expiry(request), authorization);
    TokenStore.CreatedToken created = tokens.create(caller, name, expiresAt);
    TokenStore.TokenInfo info = created.info();
    return Response.status(Response.Status.CREATED)
        .entity(
            new CreatedTokenJson(
                info.id(),
                info.name(),
                created.token(),
                text(info.createdAt()),
                text(info.expiresAt())))
        .build();
  }

  @GET
  public Map<String, List<TokenJson>> list(@Context Caller caller) {
    return Map.of("tokens", tokens.list(caller.accountId()).stream().map(TokenJson::of).toList());
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@Context Caller caller, @PathParam("id") String id) {
    if (!tokens.revoke(caller.accountId(), id)) {
      throw ApiException.notFound(
          "TOKEN_NOT_FOUND", "token '" + id + "' not found in this account");
    }
    return Response.noContent().build();
  }

  private Instant expiry(CreateTokenRequest request) {
    if (request.expiresAt() != null && request.expiresInDays() != null) {
      throw ApiException.invalid("give expiresAt or expiresInDays, not both");
    }
    Instant now = clock.instant();
    Instant latest = now.plus(Duration.ofDays(MAX_DAYS));
    if (request.expiresInDays() != null) {
      int days = request.expiresInDays();
      if (days < 1 || days > MAX_DAYS) {
        throw ApiException.invalid(
            "expiresInDays must be between 1 and " + MAX_DAYS + ", got " + days);
      }
      return now.plus(Duration.ofDays(days));
    }
    if (request.expiresAt() == null) {
      return null;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(request.expiresAt()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          "expiresAt '"
              + request.expiresAt()
              + "' is not an RFC 3339 time such as"
              + " 2030-01-31T12:00:00Z");
    }
    if (!at.isAfter(now)) {
      throw ApiException.invalid("expiresAt '" + request.expiresAt() + "' is not in the future");
    }
    if (at.isAfter(latest)) {
      throw ApiException.invalid(
          "expiresAt '" + request.expiresAt() + "' is more than " + MAX_DAYS + " days away");
    }
    return at;
  }

  /**
   * A token expires no later than the token that created it: else an expiring token, once leaked,
   * would mint one that never expires. The answer's {@code expiresAt} shows the capped time.
   */
  private Instant notAfterCallingToken(Instant requested, String authorization) {
    Instant callerExpiry =
        BearerTokenFilter.bearerToken(authorization).flatMap(tokens::expiryOf).orElse(null);
    if (callerExpiry == null || (requested != null && requested.isBefore(callerExpiry))) {
      return requested;
    }
    return callerExpiry;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
