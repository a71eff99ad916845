package dev.cimanager.app.triggers;

import java.util.Arrays;
import java.util.Optional;

/** The payload condition operators, as Harness spells them in YAML. */
public enum ConditionOperator {
  EQUALS("Equals", false),
  NOT_EQUALS("NotEquals", true),
  STARTS_WITH("StartsWith", false),
  ENDS_WITH("EndsWith", false),
  CONTAINS("Contains", false),
  IN("In", false),
  NOT_IN("NotIn", true),
  REGEX("Regex", false);

  private final String yamlName;
  private final boolean negative;

  ConditionOperator(String yamlName, boolean negative) {
    this.yamlName = yamlName;
    this.negative = negative;
  }

  public String yamlName() {
    return yamlName;
  }

  /**
   * Whether the operator excludes values: on a list (changed files) it must hold for every entry,
   * where the others need one entry that satisfies them.
   */
  public boolean negative() {
    return negative;
  }

  public static Optional<ConditionOperator> ofYaml(String name) {
    return Arrays.stream(values()).filter(operator -> operator.yamlName.equals(name)).findFirst();
  }

  public static String yamlNames() {
    return String.join(", ", Arrays.stream(values()).map(ConditionOperator::yamlName).toList());
  }
}
