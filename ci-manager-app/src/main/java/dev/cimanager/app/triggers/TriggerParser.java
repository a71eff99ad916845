package dev.cimanager.app.triggers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cimanager.app.pipelines.PipelineParser;
import dev.cimanager.app.pipelines.PipelineProblem;
import dev.cimanager.app.pipelines.YamlNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InvalidTriggerException(
          List.of(new PipelineProblem("$", PipelineParser.malformed(e))));
    }
    if (root == null || root.isMissingNode() || !root.isObject() || !root.has("trigger")) {
      throw new InvalidTriggerException(
          List.of(
              new PipelineProblem(
                  "$", "the YAML document's root must be a map with the key 'trigger'")));
    }
    List<PipelineProblem> problems = new ArrayList<>();
    YamlNode node = new YamlNode(root, "", problems).object("trigger", "Trigger");
    TriggerDefinition trigger = node == null ? null : read(key, node, yaml);
    if (!problems.isEmpty() || trigger == null) {
      throw new InvalidTriggerException(problems);
    }
    return trigger;
  }

  private TriggerDefinition read(TriggerKey key, YamlNode node, String yaml) {
    String identifier = identifier(node, "identifier", "Identifier");
    String name = node.optionalText("name", identifier);
    mustMatch(node, "identifier", identifier, key.triggerIdentifier(), "trigger");
    mustMatch(
        node,
        "orgIdentifier",
        identifier(node, "orgIdentifier", "Org identifier"),
        key.orgIdentifier(),
        "org");
    mustMatch(
        node,
        "projectIdentifier",
        identifier(node, "projectIdentifier", "Project identifier"),
        key.projectIdentifier(),
        "project");
    mustMatch(
        node,
        "pipelineIdentifier",
        identifier(node, "pipelineIdentifier", "Pipeline identifier"),
        key.pipelineIdentifier(),
        "pipeline");
    boolean enabled = node.optionalBoolean("enabled", true);
    YamlNode source = node.object("source", "Source");
    TriggerDefinition.Source read = source == null ? null : readSource(source);
    if (identifier == null || name == null || read == null) {
      return null;
    }
    return new TriggerDefinition(
        identifier,
        name,
        key.orgIdentifier(),
        key.projectIdentifier(),
        key.pipelineIdentifier(),
        enabled,
        read,
        yaml);
  }

  private TriggerDefinition.Source readSource(YamlNode source) {
    String type = source.text("type", "Source type");
    YamlNode spec = source.object("spec", "Source spec");
    if (type == null || spec == null) {
      return null;
    }
    return switch (type) {
      case "Webhook" -> readWebhook(spec);
      case "Scheduled" -> readSchedule(spec);
      default -> {
        source.problem("type", "unknown source type '" + type + "'; expected Webhook or Scheduled");
        yield null;
      }
    };
  }

  private TriggerDefinition.Source readWebhook(YamlNode spec) {
    String providerName = spec.text("type", "Webhook provider");
    GitProvider provider =
        providerName == null
            ? null
            : Arrays.stream(GitProvider.values())
                .filter(p -> p.yamlName().equals(providerName))
                .findFirst()
                .orElse(null);
    if (providerName != null && provider == null) {
      spec.problem(
          "type", "unknown webhook provider '" + providerName + "'; expected Github or Gitlab");
    }
    YamlNode providerSpec = spec.object("spec", "Webhook spec");
    if (providerSpec == null) {
      return null;
    }
    String eventName = providerSpec.text("type", "Event type");
    WebhookEventType event =
        eventName == null
            ? null
            : Arrays.stream(WebhookEventType.values())
                .filter(e -> e.yamlName().equals(eventName))
                .findFirst()
                .orElse(null);
    if (eventName != null && event == null) {
      providerSpec.problem(
          "type", "unknown event type '" + eventName + "'; expected Push, PullRequest or Tag");
    }
    YamlNode eventSpec = providerSpec.object("spec", "Event spec");
    if (eventSpec == null) {
      return null;
    }
    String connectorRef =
        PipelineParser.reference(eventSpec, "connectorRef", "Connector reference");
    String secretRef = PipelineParser.reference(eventSpec, "secret", "Webhook secret reference");
    List<PayloadCondition> conditions = conditions(eventSpec, event);
    List<String> actions = actions(eventSpec, event);
    if (provider == null || event == null || connectorRef == null || secretRef == null) {
      return null;
    }
    return new TriggerDefinition.Webhook(
        provider, event, connectorRef, secretRef, conditions, actions);
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
        eventSpec.problem(
            "actions[" + i + "]",
            "'"
                + raw.get(i).asText()
                + "' is not a pull request action that"
                + " starts a build; expected "
                + String.join(", ", PullRequestActions.ALL)
                + " (GitLab's Update or Sync"
                + " mean Synchronize)");
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
    List<YamlNode> items = eventSpec.list("payloadConditions", "Payload conditions");
    for (YamlNode item : items) {
      YamlNode condition = item.asObject();
      if (condition != null) {
        condition(condition, event).ifPresent(conditions::add);
      }
    }
    return conditions;
  }

  private Optional<PayloadCondition> condition(YamlNode node, WebhookEventType event) {
    String key = node.text("key", "Condition key");
    String operatorName = node.text("operator", "Condition operator");
    if (key != null && event != null && !event.conditionKeys().contains(key)) {
      node.problem(
          "key",
          "'"
              + key
              + "' is not a condition key of "
              + event.yamlName()
              + " events; expected one of "
              + String.join(", ", event.conditionKeys()));
      key = null;
    }
    Optional<ConditionOperator> operator =
        Optional.ofNullable(operatorName).flatMap(ConditionOperator::ofYaml);
    if (operatorName != null && operator.isEmpty()) {
      node.problem(
          "operator",
          "unknown operator '"
              + operatorName
              + "'; expected one of "
              + ConditionOperator.yamlNames());
    }
    List<String> values = values(node, operator.orElse(null));
    if (key == null || operator.isEmpty() || values == null) {
      return Optional.empty();
    }
    String value = String.join(",", values);
    Pattern regex = null;
    if (operator.get() == ConditionOperator.REGEX) {
      try {
        regex = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        node.problem(
            "value",
            "'"
                + value
                + "' is not a valid regular expression: "
                + e.getDescription()
                + " near index "
                + e.getIndex());
        return Optional.empty();
      }
    }
    return Optional.of(new PayloadCondition(key, operator.get(), value, values, regex));
  }

  /**
   * The value: a scalar, or for In/NotIn a list or comma-separated text; null (with a problem) when
   * bad.
   */
  private static List<String> values(YamlNode node, ConditionOperator operator) {
    JsonNode raw = node.raw("value");
    boolean list = operator == ConditionOperator.IN || operator == ConditionOperator.NOT_IN;
    List<String> values = new ArrayList<>();
    if (raw != null && raw.isArray() && list) {
      raw.forEach(item -> values.add(item.isValueNode() ? item.asText() : null));
      if (values.isEmpty() || values.contains(null)) {
        node.problem("value", "expected a non-empty list of strings");
        return null;
      }
    } else {
      String text = node.text("value", "Condition value");
      if (text == null) {
        return null;
      }
      if (list) {
        Arrays.stream(text.split(","))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .forEach(values::add);
      } else {
        values.add(text);
      }
    }
    if (values.stream().mapToInt(String::length).sum() > MAX_VALUE_LENGTH) {
      node.problem("value", "is longer than " + MAX_VALUE_LENGTH + " characters");
      return null;
    }
    return values;
  }

  private TriggerDefinition.Source readSchedule(YamlNode spec) {
    String type = spec.text("type", "Schedule type");
    if (type != null && !type.equals("Cron")) {
      spec.problem("type", "unknown schedule type '" + type + "'; expected Cron");
      return null;
    }
    YamlNode cronSpec = spec.object("spec", "Cron spec");
    if (cronSpec == null) {
      return null;
    }
    String expression = cronSpec.text("expression", "Cron expression");
    String timezone = cronSpec.optionalText("timezone", DEFAULT_TIMEZONE);
    boolean valid = true;
    if (expression != null) {
      try {
        CronSchedule.cron(expression);
      } catch (IllegalArgumentException e) {
        cronSpec.problem("expression", e.getMessage());
        valid = false;
      }
    }
    try {
      CronSchedule.zone(timezone);
    } catch (IllegalArgumentException e) {
      cronSpec.problem("timezone", e.getMessage());
      valid = false;
    }
    if (expression == null || !valid || type == null) {
      return null;
    }
    return new TriggerDefinition.Schedule(CronSchedule.parse(expression, timezone));
  }

  private static String identifier(YamlNode node, String field, String label) {
    String value = node.text(field, label);
    if (value != null && !IDENTIFIER.matcher(value).matches()) {
      node.problem(
          field,
          "'"
              + value
              + "' is not a valid identifier (a letter or _, then letters, digits or _;"
              + " at most 128)");
      return null;
    }
    return value;
  }

  private static void mustMatch(
      YamlNode node, String field, String value, String expected, String what) {
    if (value != null && !value.equals(expected)) {
      node.problem(
          field, "is '" + value + "' but the request path names " + what + " '" + expected + "'");
    }
  }
}
