package dev.cimanager.app.triggers;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code payloadConditions} entry: {@code key operator value}. {@code In}/{@code NotIn} take a
 * list (a YAML list or comma-separated text); {@code Regex} a Java regular expression that must
 * match the whole value, compiled once at save and evaluated with a step budget (see {@link
 * BoundedText}).
 *
 * @param values the value split for {@code In}/{@code NotIn}, else just {@code value}
 * @param regex the compiled pattern for {@code Regex}, else null
 */
public record PayloadCondition(
    String key, ConditionOperator operator, String value, List<String> values, Pattern regex) {

  /** Character reads a regex may make on one value before it counts as no match. */
  static final int REGEX_BUDGET = 100_000;

  public PayloadCondition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
    values = List.copyOf(values);
  }

  /**
   * Whether {@code actual} satisfies the condition; a null value (the event has none) never does.
   */
  public boolean test(String actual) {
    if (actual == null) {
      return false;
    }
    return switch (operator) {
      case EQUALS -> actual.equals(value);
      case NOT_EQUALS -> !actual.equals(value);
      case STARTS_WITH -> actual.startsWith(value);
      case ENDS_WITH -> actual.endsWith(value);
      case CONTAINS -> actual.contains(value);
      case IN -> values.contains(actual);
      case NOT_IN -> !values.contains(actual);
      case REGEX -> matchesBounded(actual);
    };
  }

  /**
   * For a list of values (changed files): a negative operator must hold for each, the others for at
   * least one. An empty list satisfies only the negative operators.
   */
  public boolean testAll(List<String> actual) {
    return operator.negative()
        ? actual.stream().allMatch(this::test)
        : actual.stream().anyMatch(this::test);
  }

  private boolean matchesBounded(String actual) {
    try {
      return regex.matcher(new BoundedText(actual, REGEX_BUDGET)).matches();
    } catch (BoundedText.BudgetExceeded e) {
      // catastrophic backtracking on this input: a webhook must not hold a server thread for it
      return false;
    }
  }

  @Override
  public String toString() {
    return key + " " + operator.yamlName() + " " + String.join(", ", values);
  }
}
