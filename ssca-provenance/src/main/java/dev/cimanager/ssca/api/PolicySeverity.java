package dev.cimanager.ssca.api;

import java.util.Locale;

/**
 * What a denial does: {@code error} fails the verification, {@code warning} is reported and passes.
 */
public enum PolicySeverity {
  ERROR,
  WARNING;

  /** {@code error} or {@code warning}, as the API and policy set JSON write it. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException for anything but {@code error} or {@code warning}
   */
  public static PolicySeverity fromJson(String value) {
    for (PolicySeverity severity : values()) {
      if (severity.jsonName().equals(value)) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "severity must be \"error\" or \"warning\", got "
            + (value == null ? "nothing" : "\"" + value + "\""));
  }
}
