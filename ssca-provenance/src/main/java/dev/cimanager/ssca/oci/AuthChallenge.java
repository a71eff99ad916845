package dev.cimanager.ssca.oci;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate} challenge: {@code Basic realm="..."} or {@code Bearer
 * realm="https://auth/token",service="registry",scope="repository:x:pull"}.
 */
record AuthChallenge(String scheme, Map<String, String> params) {
  private static final Pattern PARAM =
      Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

  static Optional<AuthChallenge> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new TreeMap<>();
    if (space >= 0) {
      Matcher m = PARAM.matcher(trimmed.substring(space + 1));
      while (m.find()) {
        params.put(
            m.group(1).toLowerCase(Locale.ROOT),
            m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3));
      }
    }
    return Optional.of(new AuthChallenge(scheme, Map.copyOf(params)));
  }

  boolean isBasic() {
    return scheme.equals("basic");
  }

  boolean isBearer() {
    return scheme.equals("bearer");
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }
}
