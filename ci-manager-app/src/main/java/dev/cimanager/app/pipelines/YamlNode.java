package dev.cimanager.app.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML tree node that knows its path and records a {@link PipelineProblem} for every missing or
 * mistyped field instead of throwing, so one pass over the tree reports everything wrong at once.
 * Readers return null (or an empty collection) after recording the problem, and callers carry on.
 * Public for the other YAML entities beside pipelines (triggers).
 */
public final class YamlNode {

  private final JsonNode node;
  private final String path;
  private final List<PipelineProblem> problems;

  public YamlNode(JsonNode node, String path, List<PipelineProblem> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  public String path() {
    return path;
  }

  public String childPath(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  public void problem(String field, String message) {
    problems.add(new PipelineProblem(field == null ? path : childPath(field), message));
  }

  public boolean has(String field) {
    JsonNode child = node.get(field);
    return child != null && !child.isNull();
  }

  /** A required map; null (with a problem) when missing or not a map. */
  public YamlNode object(String field, String label) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      problem(field, label + " is required");
      return null;
    }
    return asObject(field, child);
  }

  public Optional<YamlNode> optionalObject(String field) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.ofNullable(asObject(field, child));
  }

  private YamlNode asObject(String field, JsonNode child) {
    if (!child.isObject()) {
      problem(field, "expected a map but got " + describe(child));
      return null;
    }
    return new YamlNode(child, childPath(field), problems);
  }

  /**
   * A required non-blank scalar, as text; null (with a problem) when missing, blank or not a
   * scalar.
   */
  public String text(String field, String label) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      problem(field, label + " is required");
      return null;
    }
    String text = scalar(field, child);
    if (text != null && text.isBlank()) {
      problem(field, label + " is required");
      return null;
    }
    return text;
  }

  /** An optional scalar as text, {@code fallback} when absent. */
  public String optionalText(String field, String fallback) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return fallback;
    }
    String text = scalar(field, child);
    return text == null ? fallback : text;
  }

  /** An optional boolean, {@code fallback} when absent; only YAML booleans are accepted. */
  public boolean optionalBoolean(String field, boolean fallback) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return fallback;
    }
    if (!child.isBoolean()) {
      problem(field, "expected true or false but got " + describe(child));
      return fallback;
    }
    return child.booleanValue();
  }

  /** A required list of maps or scalars; empty (with a problem) when missing or not a list. */
  public List<YamlNode> list(String field, String label) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      problem(field, label + " is required");
      return List.of();
    }
    if (!child.isArray()) {
      problem(field, "expected a list but got " + describe(child));
      return List.of();
    }
    if (child.isEmpty()) {
      problem(field, label + " must have at least one entry");
    }
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < child.size(); i++) {
      items.add(new YamlNode(child.get(i), childPath(field) + "[" + i + "]", problems));
    }
    return items;
  }

  /** A required list of scalars as text. */
  public List<String> textList(String field, String label) {
    List<String> values = new ArrayList<>();
    for (YamlNode item : list(field, label)) {
      String text = item.scalar(null, item.node);
      if (text != null) {
        values.add(text);
      }
    }
    return values;
  }

  /** An optional map of scalars as text, empty when absent; insertion order kept. */
  public Map<String, String> textMap(String field) {
    Map<String, String> values = new LinkedHashMap<>();
    optionalObject(field)
        .ifPresent(
            map ->
                map.node
                    .fields()
                    .forEachRemaining(
                        entry -> {
                          String text = map.scalar(entry.getKey(), entry.getValue());
                          if (text != null) {
                            values.put(entry.getKey(), text);
                          }
                        }));
    return values;
  }

  /** This node itself as a map; null (with a problem) when it is not one. */
  public YamlNode asObject() {
    if (!node.isObject()) {
      problem(null, "expected a map but got " + describe(node));
      return null;
    }
    return this;
  }

  /** The raw node, for fields that accept more than one type. */
  public JsonNode raw(String field) {
    return node.get(field);
  }

  /**
   * Numbers and booleans are accepted where text is expected, spelled as written (1.10 stays 1.10).
   */
  private String scalar(String field, JsonNode child) {
    if (child.isTextual()) {
      return child.textValue();
    }
    if (child.isBigDecimal()) {
      return child.decimalValue().toPlainString();
    }
    if (child.isNumber() || child.isBoolean()) {
      return child.asText();
    }
    problem(field, "expected a string but got " + describe(child));
    return null;
  }

  public static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isNull()) {
      return "null";
    }
    return "a string";
  }
}
