package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopedReference;
import dev.cimanager.app.failures.InvalidInputException;
import dev.cimanager.ssca.spi.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * Validates a connector's Harness-shaped {@code spec} and builds the {@link Connector}. Every error
 * names the JSON path ({@code spec.auth.spec.username}) and what is wrong.
 */
final class ConnectorSpecs {
  static final String DOCKER_REGISTRY = "DockerRegistry";
  static final String GIT = "Git";
  private static final List<String> PROVIDER_TYPES =
      List.of("DockerHub", "Harbor", "Quay", "Other");

  private ConnectorSpecs() {}

  static Connector parse(
      Scope scope, String identifier, String name, String type, Map<String, Object> spec) {
    if (type == null || type.isEmpty()) {
      throw new InvalidInputException("type is required: DockerRegistry or Git");
    }
    if (spec == null) {
      throw new InvalidInputException("spec is required");
    }
    return switch (type) {
      case DOCKER_REGISTRY -> dockerRegistry(scope, identifier, name, spec);
      case GIT -> git(scope, identifier, name, spec);
      default ->
          throw new InvalidInputException(
              "type '" + type + "' is not supported: use DockerRegistry or Git");
    };
  }

  private static DockerRegistryConnector dockerRegistry(
      Scope scope, String identifier, String name, Map<String, Object> spec) {
    URI url =
        url(
            string(spec, "dockerRegistryUrl", "spec.dockerRegistryUrl"),
            "spec.dockerRegistryUrl",
            List.of("http", "https"));
    if (url.getQuery() != null || url.getFragment() != null || url.getUserInfo() != null) {
      throw new InvalidInputException(
          "spec.dockerRegistryUrl '"
              + url
              + "' must be http(s)://host[:port] without credentials, query or fragment");
    }
    String providerType = string(spec, "providerType", "spec.providerType");
    if (!PROVIDER_TYPES.contains(providerType)) {
      throw new InvalidInputException(
          "spec.providerType '" + providerType + "' is not one of " + PROVIDER_TYPES);
    }
    Map<String, Object> auth = object(spec, "auth", "spec.auth");
    String authType = string(auth, "type", "spec.auth.type");
    ConnectorAuth connectorAuth =
        switch (authType) {
          case "Anonymous" -> new ConnectorAuth.Anonymous();
          case "UsernamePassword" ->
              usernamePassword(scope, object(auth, "spec", "spec.auth.spec"), "spec.auth.spec");
          default ->
              throw new InvalidInputException(
                  "spec.auth.type '"
                      + authType
                      + "' is not supported: use Anonymous or UsernamePassword");
        };
    return new DockerRegistryConnector(scope, identifier, name, url, providerType, connectorAuth);
  }

  private static GitConnector git(
      Scope scope, String identifier, String name, Map<String, Object> spec) {
    URI url = url(string(spec, "url", "spec.url"), "spec.url", List.of("file", "http", "https"));
    String connectionType = string(spec, "connectionType", "spec.connectionType");
    if (!"Repo".equals(connectionType)) {
      throw new InvalidInputException(
          "spec.connectionType '" + connectionType + "' is not supported: use Repo");
    }
    Map<String, Object> authentication = object(spec, "authentication", "spec.authentication");
    String authType = string(authentication, "type", "spec.authentication.type");
    ConnectorAuth auth =
        switch (authType) {
          case "Anonymous" -> new ConnectorAuth.Anonymous();
          case "Http" -> {
            Map<String, Object> http = object(authentication, "spec", "spec.authentication.spec");
            String httpType = string(http, "type", "spec.authentication.spec.type");
            if (!"UsernamePassword".equals(httpType)) {
              throw new InvalidInputException(
                  "spec.authentication.spec.type '"
                      + httpType
                      + "' is not supported: use UsernamePassword");
            }
            yield usernamePassword(
                scope,
                object(http, "spec", "spec.authentication.spec.spec"),
                "spec.authentication.spec.spec");
          }
          default ->
              throw new InvalidInputException(
                  "spec.authentication.type '"
                      + authType
                      + "' is not supported: use Anonymous or Http");
        };
    return new GitConnector(scope, identifier, name, url, auth);
  }

  private static ConnectorAuth.UsernamePassword usernamePassword(
      Scope scope, Map<String, Object> spec, String path) {
    String username = string(spec, "username", path + ".username");
    String usernameProblem = Credentials.usernameProblem(username);
    if (usernameProblem != null) {
      // checked here, once: the builder, the Git client and the SSCA module all take these
      // Credentials
      throw new InvalidInputException(path + ".username " + usernameProblem);
    }
    String passwordRef = string(spec, "passwordRef", path + ".passwordRef");
    try {
      ScopedReference.resolve("secret", passwordRef, scope);
    } catch (ReferenceException e) {
      throw new InvalidInputException(path + ".passwordRef: " + e.getMessage());
    }
    return new ConnectorAuth.UsernamePassword(username, passwordRef);
  }

  private static URI url(String value, String path, List<String> schemes) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          path + " '" + value + "' is not a valid URL: " + e.getReason());
    }
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!schemes.contains(scheme)) {
      throw new InvalidInputException(
          path
              + " '"
              + value
              + "' must start with one of "
              + schemes.stream().map(s -> s + "://").toList());
    }
    boolean needsHost = !"file".equals(scheme);
    if (needsHost && (uri.getHost() == null || uri.getHost().isEmpty())) {
      throw new InvalidInputException(path + " '" + value + "' has no host");
    }
    if (!needsHost && (uri.getPath() == null || uri.getPath().isEmpty())) {
      throw new InvalidInputException(path + " '" + value + "' has no path");
    }
    return uri;
  }

  private static String string(Map<String, Object> map, String key, String path) {
    Object value = map.get(key);
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidInputException(path + " is required");
    }
    if (!(value instanceof String s)) {
      throw new InvalidInputException(path + " must be a string");
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> map, String key, String path) {
    Object value = map.get(key);
    if (value == null) {
      throw new InvalidInputException(path + " is required");
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new InvalidInputException(path + " must be an object");
    }
    return (Map<String, Object>) m;
  }
}
