package dev.cimanager.app.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code <+name>} expressions this CI manager understands, and the scanner shared by validation
 * (unknown names) and resolution (values). Harness' JEXL operators are not supported: an expression
 * is exactly one name.
 */
public final class Expressions {

  /** Every known name, in the order messages list them. */
  public static final List<String> KNOWN =
      List.of(
          "pipeline.sequenceId",
          "pipeline.executionId",
          "pipeline.identifier",
          "codebase.commitSha",
          "codebase.branch",
          "codebase.tag",
          "trigger.type",
          "trigger.event",
          "trigger.branch",
          "trigger.prNumber",
          "trigger.commitSha");

  private static final String OPEN = "<+";
  private static final char CLOSE = '>';

  private Expressions() {}

  /** Problems with the expressions in {@code text}: unknown names and unterminated {@code <+}. */
  public static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    try {
      replace(
          text,
          name -> {
            if (!KNOWN.contains(name)) {
              problems.add(
                  "unknown expression <+"
                      + name
                      + ">; known expressions: <+"
                      + String.join(">, <+", KNOWN)
                      + ">");
            }
            return "";
          });
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  public static boolean containsExpression(String text) {
    return text.contains(OPEN);
  }

  /**
   * Replaces each {@code <+name>} by {@code valueOf.apply(name)}.
   *
   * @throws IllegalArgumentException when an expression is not closed with {@code >}
   */
  static String replace(String text, Function<String, String> valueOf) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int open = text.indexOf(OPEN, from);
      if (open < 0) {
        return out.append(text, from, text.length()).toString();
      }
      int close = text.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        throw new IllegalArgumentException(
            "unterminated expression '"
                + text.substring(open)
                + "': expressions look like <+pipeline.sequenceId>");
      }
      out.append(text, from, open)
          .append(valueOf.apply(text.substring(open + OPEN.length(), close).trim()));
      from = close + 1;
    }
  }
}
