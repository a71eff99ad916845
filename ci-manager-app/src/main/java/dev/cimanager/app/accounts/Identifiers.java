package dev.cimanager.app.accounts;

import dev.cimanager.app.failures.InvalidInputException;
import java.util.regex.Pattern;

/** Harness-style identifiers: a letter or '_' then up to 127 letters, digits or '_'. */
public final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private Identifiers() {}

  public static boolean isValid(String value) {
    return value != null && IDENTIFIER.matcher(value).matches();
  }

  /** Returns {@code value} or throws {@link InvalidInputException} naming {@code field}. */
  public static String require(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(field + " is required");
    }
    if (!isValid(value)) {
      throw new InvalidInputException(
          InvalidInputException.Reason.INVALID_IDENTIFIER,
          field
              + " '"
              + abbreviate(value)
              + "' is not a valid identifier: use a letter or '_' followed by up to 127 letters, digits or '_'");
    }
    return value;
  }

  /** A required display name: non-blank, at most 256 characters. */
  public static String requireName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " is required");
    }
    if (value.length() > 256) {
      throw new InvalidInputException(field + " is longer than 256 characters");
    }
    return value;
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }
}
