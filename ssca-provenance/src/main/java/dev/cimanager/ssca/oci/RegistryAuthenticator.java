package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.DestinationRefusedException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Answers registry challenges and remembers the answer per registry, repository scope and
 * credentials, so a registry that wants Basic gets it up front and a Bearer token is fetched once
 * per scope until it expires.
 */
final class RegistryAuthenticator {
  /** The Docker token spec's default lifetime when the server does not say. */
  private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);

  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

  private record Key(String registry, String scope, Credentials credentials) {}

  private record Authorization(String header, Instant expires) {}

  private final HttpClient http;
  private final RegistryConfig config;
  private final Clock clock;
  private final ConcurrentMap<Key, Authorization> cache = new ConcurrentHashMap<>();

  RegistryAuthenticator(HttpClient http, RegistryConfig config, Clock clock) {
    this.http = http;
    this.config = config;
    this.clock = clock;
  }

  Optional<String> cached(String registry, String scope, Credentials credentials) {
    Authorization a = cache.get(new Key(registry, scope, credentials));
    if (a == null || !clock.instant().isBefore(a.expires())) {
      return Optional.empty();
    }
    return Optional.of(a.header());
  }

  void forget(String registry, String scope, Credentials credentials) {
    cache.remove(new Key(registry, scope, credentials));
  }

  /**
   * The Authorization header answering this challenge; fetches a Bearer token from the realm.
   *
   * @param action what we were doing, for the error message
   * @return the header value
   */
  String answer(
      AuthChallenge challenge,
      String registry,
      String scope,
      Credentials credentials,
      String action) {
    Key key = new Key(registry, scope, credentials);
    if (challenge.isBasic()) {
      if (credentials == null) {
        throw new RegistryException(
            action, 401, "registry " + registry + " requires credentials and none were given");
      }
      Authorization basic = new Authorization(basic(credentials), Instant.MAX);
      cache.put(key, basic);
      return basic.header();
    }
    if (!challenge.isBearer()) {
      throw new RegistryException(
          action,
          401,
          "registry "
              + registry
              + " asked for unsupported authentication scheme '"
              + challenge.scheme()
              + "'");
    }
    String realm =
        challenge
            .param("realm")
            .orElseThrow(
                () ->
                    new RegistryException(
                        action,
                        401,
                        "registry " + registry + " sent a Bearer challenge without a realm"));
    Authorization token =
        fetchToken(realm, challenge.param("service"), registry, scope, credentials, action);
    cache.put(key, token);
    return token.header();
  }

  private Authorization fetchToken(
      String realm,
      Optional<String> service,
      String registry,
      String scope,
      Credentials credentials,
      String action) {
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    service.ifPresent(s -> url.append("service=").append(encode(s)).append('&'));
    url.append("scope=").append(encode(scope));
    URI uri;
    try {
      uri = URI.create(url.toString());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          action, 401, "registry " + registry + " named an invalid token realm '" + realm + "'");
    }
    if (!"https".equals(uri.getScheme()) && !config.isInsecure(uri.getAuthority())) {
      throw new RegistryException(
          action,
          401,
          "registry "
              + registry
              + " named the token realm "
              + realm
              + ", which is neither HTTPS nor an insecure host in the configuration");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).GET();
    if (credentials != null) {
      request.header("Authorization", basic(credentials));
    }
    HttpResponse<byte[]> response;
    try {
      response = GuardedHttp.send(http, request.build());
    } catch (IOException e) {
      DestinationRefusedException refused = DestinationRefusedException.in(e);
      throw new RegistryException(
          action,
          0,
          "the token service "
              + uri.getHost()
              + " of registry "
              + registry
              + (refused != null
                  ? " is refused: " + refused.getMessage()
                  : " could not be reached: " + e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(
          action, 0, "the thread was interrupted while fetching a token", e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new RegistryException(
          action,
          response.statusCode(),
          credentials == null
              ? "registry "
                  + registry
                  + " refused anonymous access to "
                  + scope
                  + " (HTTP "
                  + response.statusCode()
                  + ")"
              : "registry "
                  + registry
                  + " refused the credentials of user '"
                  + credentials.username()
                  + "' for "
                  + scope
                  + " (HTTP "
                  + response.statusCode()
                  + " from the token service)");
    }
    if (response.statusCode() != 200) {
      throw new RegistryException(
          action,
          response.statusCode(),
          "the token service of registry " + registry + " answered HTTP " + response.statusCode());
    }
    try {
      JsonNode body = SscaJson.read(response.body());
      String token =
          body.hasNonNull("token")
              ? body.get("token").asText()
              : body.path("access_token").asText("");
      if (token.isEmpty()) {
        throw new RegistryException(
            action, 200, "the token service of registry " + registry + " returned no token");
      }
      Duration lifetime =
          body.has("expires_in")
              ? Duration.ofSeconds(body.get("expires_in").asLong())
              : DEFAULT_TOKEN_LIFETIME;
      return new Authorization(
          "Bearer " + token, clock.instant().plus(lifetime).minus(EXPIRY_MARGIN));
    } catch (IOException e) {
      throw new RegistryException(
          action, 200, "the token service of registry " + registry + " returned invalid JSON", e);
    }
  }

  private static String basic(Credentials c) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
