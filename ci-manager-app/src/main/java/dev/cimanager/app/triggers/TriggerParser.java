package dev.cimanager.app.triggers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cimanager.app.pipelines.PipelineProblem;
import dev.cimanager.app.pipelines.YamlNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses and validates trigger YAML (the Harness v0 shape of {@code
 * contract/examples/trigger-*.yaml}) into a {@link TriggerDefinition}, or throws {@link
 * InvalidTriggerException} listing every problem with its YAML path, as pipelines do. References
 * (connector, secret) are checked by {@link TriggerReferences}.
 */
@Singleton
public final class TriggerParser {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** Longest condition value or regex: branch names are at most 255 bytes on every provider. */
  static final int MAX_VALUE_LENGTH = 1024;

  static final int MAX_CONDITIONS = 50;
  static final String DEFAULT_TIMEZONE = "UTC";

  private final YAMLMapper mapper =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * @param key the org, project, pipeline and trigger of the REST path; the YAML must name the same
   *     ones
   * @throws InvalidTriggerException with every problem found
   */
  public TriggerDefinition parse(TriggerKey key, String yaml) {
    List<PipelineProblem> problems = new ArrayList<>();
    Optional<TriggerDefinition> trigger =
        YamlNode.document(mapper, yaml, "trigger", problems).flatMap(node -> read(key, node, yaml));
    if (!problems.isEmpty() || trigger.isEmpty()) {
      throw new InvalidTriggerException(problems);
    }
    return trigger.get();
  }

  private Optional<TriggerDefinition> read(TriggerKey key, YamlNode node, String yaml) {
    Optional<String> identifier = identifier(node, "identifier", "Identifier");
    String name = node.optionalText("name", identifier.orElse(null));
    mustMatch(node, "identifier", identifier, key.triggerIdentifier(), "trigger");
    mustMatch(node, "orgIdentifier", "Org identifier", key.orgIdentifier(), "org");
    mustMatch(node, "projectIdentifier", "Project identifier", key.projectIdentifier(), "project");
    mustMatch(
        node, "pipelineIdentifier", "Pipeline identifier", key.pipelineIdentifier(), "pipeline");
    boolean enabled = node.optionalBoolean("enabled", true);
    Optional<TriggerDefinition.Source> source =
        node.object("source", "Source").flatMap(this::readSource);
    if (identifier.isEmpty() || name == null || source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TriggerDefinition(
            identifier.get(),
            name,
            key.orgIdentifier(),
            key.projectIdentifier(),
            key.pipelineIdentifier(),
            enabled,
            source.get(),
            yaml));
  }

  private Optional<TriggerDefinition.Source> readSource(YamlNode source) {
    Optional<String> type = source.text("type", "Source type");
    Optional<YamlNode> spec = source.object("spec", "Source spec");
    if (type.isEmpty() || spec.isEmpty()) {
      return Optional.empty();
    }
    return switch (type.get()) {
      case "Webhook" -> readWebhook(spec.get());
      case "Scheduled" -> readSchedule(spec.get());
      default -> {
        source.problem(
            "type",
            "unknown source type '%s'; expected Webhook or Scheduled".formatted(type.get()));
        yield Optional.empty();
      }
    };
  }

  private Optional<TriggerDefinition.Source> readWebhook(YamlNode spec) {
    Optional<GitProvider> provider =
        known(
            spec.text("type", "Webhook provider"),
            spec,
            GitProvider.values(),
            GitProvider::yamlName,
            "unknown webhook provider '%s'; expected Github or Gitlab");
    Optional<YamlNode> providerSpec = spec.object("spec", "Webhook spec");
    if (providerSpec.isEmpty()) {
      return Optional.empty();
    }
    Optional<WebhookEventType> event =
        known(
            providerSpec.get().text("type", "Event type"),
            providerSpec.get(),
            WebhookEventType.values(),
            WebhookEventType::yamlName,
            "unknown event type '%s'; expected Push, PullRequest or Tag");
    Optional<YamlNode> eventSpec = providerSpec.get().object("spec", "Event spec");
    if (eventSpec.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> connectorRef =
        eventSpec.get().reference("connectorRef", "Connector reference");
    Optional<String> secretRef = eventSpec.get().reference("secret", "Webhook secret reference");
    List<PayloadCondition> conditions = conditions(eventSpec.get(), event.orElse(null));
    List<String> actions = actions(eventSpec.get(), event.orElse(null));
    if (provider.isEmpty() || event.isEmpty() || connectorRef.isEmpty() || secretRef.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TriggerDefinition.Webhook(
            provider.get(), event.get(), connectorRef.get(), secretRef.get(), conditions, actions));
  }

  /** The value a present {@code name} names; else the problem ({@code %s}: the name) on type. */
  private static <T> Optional<T> known(
      Optional<String> name,
      YamlNode node,
      T[] values,
      Function<T, String> yamlName,
      String problem) {
    return name.flatMap(
        given -> {
          Optional<T> known =
              Arrays.stream(values)
                  .filter(value -> yamlName.apply(value).equals(given))
                  .findFirst();
          node.check(known.isPresent(), "type", problem.formatted(given));
          return known;
        });
  }

  /**
   * Harness' optional {@code actions} of a PullRequest trigger, as {@link PullRequestActions}
   * names.
   */
  private static List<String> actions(YamlNode eventSpec, WebhookEventType event) {
    JsonNode raw = eventSpec.raw("actions");
    if (raw == null || raw.isNull() || raw.isArray() && raw.isEmpty()) {
      return List.of();
    }
    if (event != null && event != WebhookEventType.PULL_REQUEST) {
      eventSpec.problem("actions", "actions apply to PullRequest triggers only");
      return List.of();
    }
    if (!raw.isArray()) {
      eventSpec.problem("actions", "expected a list but got " + YamlNode.describe(raw));
      return List.of();
    }
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String action =
          raw.get(i).isTextual() ? PullRequestActions.ofYaml(raw.get(i).textValue()) : null;
      if (action == null) {
        String problem =
            "'%s' is not a pull request action that starts a build; expected %s (GitLab's Update"
                + " or Sync mean Synchronize)";
        eventSpec.problem(
            "actions[" + i + "]",
            problem.formatted(raw.get(i).asText(), String.join(", ", PullRequestActions.ALL)));
      } else if (!actions.contains(action)) {
        actions.add(action);
      }
    }
    return actions;
  }

  private List<PayloadCondition> conditions(YamlNode eventSpec, WebhookEventType event) {
    JsonNode raw = eventSpec.raw("payloadConditions");
    if (raw == null || raw.isNull()) {
      return List.of();
    }
    if (!raw.isArray()) {
      eventSpec.problem("payloadConditions", "expected a list but got " + YamlNode.describe(raw));
      return List.of();
    }
    if (raw.size() > MAX_CONDITIONS) {
      eventSpec.problem(
          "payloadConditions", "at most " + MAX_CONDITIONS + " conditions are allowed");
      return List.of();
    }
    List<PayloadCondition> conditions = new ArrayList<>();
    for (YamlNode item : eventSpec.list("payloadConditions", "Payload conditions")) {
      item.asObject().flatMap(condition -> condition(condition, event)).ifPresent(conditions::add);
    }
    return conditions;
  }

  private Optional<PayloadCondition> condition(YamlNode node, WebhookEventType event) {
    Optional<String> givenKey = node.text("key", "Condition key");
    Optional<String> operatorName = node.text("operator", "Condition operator");
    String notAKey = "'%s' is not a condition key of %s events; expected one of %s";
    Optional<String> key =
        givenKey.filter(
            given ->
                event == null
                    || node.check(
                        event.conditionKeys().contains(given),
                        "key",
                        notAKey.formatted(
                            given, event.yamlName(), String.join(", ", event.conditionKeys()))));
    Optional<ConditionOperator> operator = operatorName.flatMap(ConditionOperator::ofYaml);
    String unknown = "unknown operator '%s'; expected one of " + ConditionOperator.yamlNames();
    operatorName.ifPresent(
        name -> node.check(operator.isPresent(), "operator", unknown.formatted(name)));
    Optional<List<String>> values = values(node, operator.orElse(null));
    if (key.isEmpty() || operator.isEmpty() || values.isEmpty()) {
      return Optional.empty();
    }
    String value = String.join(",", values.get());
    Pattern regex = null;
    if (operator.get() == ConditionOperator.REGEX) {
      try {
        regex = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        node.problem(
            "value",
            "'%s' is not a valid regular expression: %s near index %d"
                .formatted(value, e.getDescription(), e.getIndex()));
        return Optional.empty();
      }
    }
    return Optional.of(new PayloadCondition(key.get(), operator.get(), value, values.get(), regex));
  }

  /**
   * The value: a scalar, or for In/NotIn a list or comma-separated text; empty (with a problem)
   * when bad.
   */
  private static Optional<List<String>> values(YamlNode node, ConditionOperator operator) {
    JsonNode raw = node.raw("value");
    boolean list = operator == ConditionOperator.IN || operator == ConditionOperator.NOT_IN;
    List<String> values = new ArrayList<>();
    if (raw != null && raw.isArray() && list) {
      raw.forEach(item -> values.add(item.isValueNode() ? item.asText() : null));
      if (!node.check(
          !values.isEmpty() && !values.contains(null),
          "value",
          "expected a non-empty list of strings")) {
        return Optional.empty();
      }
    } else {
      Optional<String> text = node.text("value", "Condition value");
      if (text.isEmpty()) {
        return Optional.empty();
      }
      if (list) {
        Arrays.stream(text.get().split(","))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .forEach(values::add);
      } else {
        values.add(text.get());
      }
    }
    return Optional.of(values)
        .filter(
            all ->
                node.check(
                    all.stream().mapToInt(String::length).sum() <= MAX_VALUE_LENGTH,
                    "value",
                    "is longer than " + MAX_VALUE_LENGTH + " characters"));
  }

  private Optional<TriggerDefinition.Source> readSchedule(YamlNode spec) {
    Optional<String> type = spec.text("type", "Schedule type");
    if (type.isPresent()
        && !spec.check(
            type.get().equals("Cron"),
            "type",
            "unknown schedule type '" + type.get() + "'; expected Cron")) {
      return Optional.empty();
    }
    Optional<YamlNode> cronSpec = spec.object("spec", "Cron spec");
    if (cronSpec.isEmpty()) {
      return Optional.empty();
    }
    YamlNode cron = cronSpec.get();
    Optional<String> givenExpression = cron.text("expression", "Cron expression");
    String timezone = cron.optionalText("timezone", DEFAULT_TIMEZONE);
    Optional<String> expression =
        givenExpression.filter(given -> valid(cron, "expression", () -> CronSchedule.cron(given)));
    boolean zoneValid = valid(cron, "timezone", () -> CronSchedule.zone(timezone));
    if (expression.isEmpty() || !zoneValid || type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TriggerDefinition.Schedule(CronSchedule.parse(expression.get(), timezone)));
  }

  /** Whether {@code check} passes; its IllegalArgumentException's message as the problem if not. */
  private static boolean valid(YamlNode node, String field, Runnable check) {
    try {
      check.run();
      return true;
    } catch (IllegalArgumentException e) {
      node.problem(field, e.getMessage());
      return false;
    }
  }

  private static Optional<String> identifier(YamlNode node, String field, String label) {
    return node.text(
        field,
        label,
        IDENTIFIER,
        "'%s' is not a valid identifier (a letter or _, then letters, digits or _; at most 128)");
  }

  /** The identifier at {@code field}, which must name the same {@code what} as the path. */
  private static void mustMatch(
      YamlNode node, String field, String label, String expected, String what) {
    mustMatch(node, field, identifier(node, field, label), expected, what);
  }

  private static void mustMatch(
      YamlNode node, String field, Optional<String> value, String expected, String what) {
    node.mustEqual(
        field,
        value,
        expected,
        given -> "is '" + given + "' but the request path names " + what + " '" + expected + "'");
  }
}
