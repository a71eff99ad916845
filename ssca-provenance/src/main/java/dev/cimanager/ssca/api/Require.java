package dev.cimanager.ssca.api;

import dev.cimanager.ssca.spi.Digest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation shared by the records of this package: each failure names the field and the problem.
 */
final class Require {
  private static final Pattern GIT_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  private Require() {}

  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field + " is required but was " + (value == null ? "missing" : "blank"));
    }
    return value;
  }

  /** Optional text: blank counts as absent, as SLSA treats empty values as unset. */
  static String optional(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static String sha256Digest(String value, String field) {
    text(value, field);
    if (!Digest.isValid(value)) {
      throw new IllegalArgumentException(
          field + " must be sha256: followed by 64 lowercase hex digits but was '" + value + "'");
    }
    return value;
  }

  static String gitCommit(String value, String field) {
    text(value, field);
    if (!GIT_COMMIT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " must be a full lowercase hex commit id (40 or 64 digits) but was '"
              + value
              + "'");
    }
    return value;
  }

  /** An unmodifiable copy keeping the caller's order; null means empty. */
  static Map<String, String> orderedMap(Map<String, String> map, String field) {
    if (map == null) {
      return Map.of();
    }
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          text(key, field + " key");
          if (value == null) {
            throw new IllegalArgumentException(field + "." + key + " has no value");
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  static List<String> texts(List<String> list, String field) {
    if (list == null) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      text(list.get(i), field + "[" + i + "]");
    }
    return List.copyOf(list);
  }

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required but was missing");
    }
    return value;
  }
}
