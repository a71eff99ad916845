package dev.cimanager.ssca.api;

import java.util.Objects;

/**
 * One policy of a policy set: a CEL expression that is true when the provenance complies.
 *
 * @param message what a denial reports
 */
public record Policy(
    String identifier, String name, String expression, String message, PolicySeverity severity) {
  public Policy {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
  }
}
