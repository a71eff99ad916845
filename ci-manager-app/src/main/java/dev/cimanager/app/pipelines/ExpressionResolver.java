package dev.cimanager.app.pipelines;

import java.util.Objects;

/**
 * Replaces the {@link Expressions} in YAML values with one execution's {@link ExpressionContext}.
 */
public final class ExpressionResolver {

  private final ExpressionContext context;

  public ExpressionResolver(ExpressionContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * @param yamlPath where {@code text} comes from, named in errors
   * @throws ExpressionException for an unknown expression or one without a value in this execution
   */
  public String resolve(String text, String yamlPath) {
    try {
      return Expressions.replace(text, name -> valueOf(name, yamlPath));
    } catch (IllegalArgumentException e) {
      throw new ExpressionException(yamlPath + ": " + e.getMessage());
    }
  }

  /** Resolves {@code text} and requires {@code true} or {@code false} (any case). */
  public boolean resolveBoolean(String text, String yamlPath) {
    String value = resolve(text, yamlPath).trim();
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ExpressionException(
        yamlPath + ": expected true or false but '" + text + "' resolved to '" + value + "'");
  }

  private String valueOf(String name, String yamlPath) {
    String value =
        switch (name) {
          case "pipeline.sequenceId" -> Long.toString(context.sequenceId());
          case "pipeline.executionId" -> context.executionId();
          case "pipeline.identifier" -> context.pipelineIdentifier();
          case "codebase.commitSha" -> context.commitSha();
          case "codebase.branch" -> context.branch();
          case "codebase.tag" -> context.tag();
          case "trigger.type" -> context.triggerType();
          case "trigger.event" -> context.trigger().event();
          case "trigger.branch" -> context.trigger().branch();
          case "trigger.prNumber" -> context.trigger().prNumber();
          case "trigger.commitSha" -> context.trigger().commitSha();
          default ->
              throw new ExpressionException(yamlPath + ": unknown expression <+" + name + ">");
        };
    if (value == null) {
      throw new ExpressionException(
          yamlPath
              + ": expression <+"
              + name
              + "> has no value in this execution"
              + (name.startsWith("codebase.")
                  ? " (the codebase is not built from that kind of ref, or not cloned)"
                  : "")
              + (name.startsWith("trigger.") ? " (no webhook event named it)" : ""));
    }
    return value;
  }
}
