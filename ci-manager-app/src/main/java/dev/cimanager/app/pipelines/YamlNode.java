package dev.cimanager.app.pipelines;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML tree node that knows its path and records a {@link PipelineProblem} for every missing or
 * mistyped field instead of throwing, so one pass over the tree reports everything wrong at once.
 * Readers return an empty Optional (or collection) after recording the problem, and callers carry
 * on. Public for the other YAML entities beside pipelines (triggers).
 */
public final class YamlNode {

  /** A secret or connector reference: {@code account.<id>}, {@code org.<id>} or {@code <id>}. */
  static final Pattern REFERENCE =
      Pattern.compile("((account|org)\\.)?[A-Za-z_][A-Za-z0-9_]{0,127}");

  static final String REFERENCE_PROBLEM =
      "'%s' is not a valid reference (account.<id>, org.<id> or <id>)";

  /** The path of a problem with the document as a whole (it does not parse, or has no root key). */
  private static final String DOCUMENT = "$";

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

  /** Records {@code message} at {@code field} unless {@code ok}; returns {@code ok}. */
  public boolean check(boolean ok, String field, String message) {
    if (!ok) {
      problem(field, message);
    }
    return ok;
  }

  /**
   * Records {@code problem} of the value when a present {@code value} is not {@code expected}: the
   * YAML names another entity than the request path (whose text may hold anything, so it is never
   * part of a format string).
   */
  public void mustEqual(
      String field, Optional<String> value, String expected, UnaryOperator<String> problem) {
    value
        .filter(given -> !given.equals(expected))
        .ifPresent(given -> problem(field, problem.apply(given)));
  }

  /**
   * The map under {@code key} of a whole document; empty with the one problem (path {@code $}) when
   * the YAML does not parse or its root is no map with {@code key}, or with the problem of a {@code
   * key} that is no map.
   */
  public static Optional<YamlNode> document(
      YAMLMapper mapper, String yaml, String key, List<PipelineProblem> problems) {
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      problems.add(new PipelineProblem(DOCUMENT, malformed(e)));
      return Optional.empty();
    }
    if (root == null || root.isMissingNode() || !root.isObject() || !root.has(key)) {
      problems.add(
          new PipelineProblem(
              DOCUMENT, "the YAML document's root must be a map with the key '" + key + "'"));
      return Optional.empty();
    }
    return new YamlNode(root, "", problems).object(key, capitalize(key));
  }

  /**
   * One line: snakeyaml's problem (its message spans lines with a caret drawing) or Jackson's first
   * line, and where it is.
   */
  private static String malformed(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked
        && marked.getProblem() != null
        && marked.getProblemMark() != null) {
      return "malformed YAML: "
          + marked.getProblem()
          + " (line "
          + (marked.getProblemMark().getLine() + 1)
          + ", column "
          + (marked.getProblemMark().getColumn() + 1)
          + ")";
    }
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    return "malformed YAML: "
        + message.lines().findFirst().orElse("unreadable")
        + (at == null || at.getLineNr() < 0
            ? ""
            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }

  static String capitalize(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  public boolean has(String field) {
    JsonNode child = node.get(field);
    return child != null && !child.isNull();
  }

  /** A required map; empty (with a problem) when missing or not a map. */
  public Optional<YamlNode> object(String field, String label) {
    return check(has(field), field, label + " is required")
        ? optionalObject(field)
        : Optional.empty();
  }

  /** An optional map; empty when absent, or with a problem when not a map. */
  public Optional<YamlNode> optionalObject(String field) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return check(child.isObject(), field, "expected a map but got " + describe(child))
        ? Optional.of(new YamlNode(child, childPath(field), problems))
        : Optional.empty();
  }

  /**
   * A required non-blank scalar, as text; empty (with a problem) when missing, blank or not a
   * scalar.
   */
  public Optional<String> text(String field, String label) {
    if (!check(has(field), field, label + " is required")) {
      return Optional.empty();
    }
    return scalar(field, node.get(field))
        .filter(text -> check(!text.isBlank(), field, label + " is required"));
  }

  /**
   * A required text matching {@code pattern}; empty with {@code problem} ({@code %s}: the value)
   * when it does not.
   */
  public Optional<String> text(String field, String label, Pattern pattern, String problem) {
    return text(field, label)
        .filter(value -> check(pattern.matcher(value).matches(), field, problem.formatted(value)));
  }

  /** A required connector or secret reference. */
  public Optional<String> reference(String field, String label) {
    return text(field, label, REFERENCE, REFERENCE_PROBLEM);
  }

  /** An optional scalar as text, {@code fallback} when absent. */
  public String optionalText(String field, String fallback) {
    return has(field) ? scalar(field, node.get(field)).orElse(fallback) : fallback;
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
      item.scalar(null, item.node).ifPresent(values::add);
    }
    return values;
  }

  /** An optional map of scalars as text, empty when absent; insertion order kept. */
  public Map<String, String> textMap(String field) {
    Map<String, String> values = new LinkedHashMap<>();
    Optional<YamlNode> map = optionalObject(field);
    for (Map.Entry<String, JsonNode> entry : map.map(m -> m.node.properties()).orElse(Set.of())) {
      String key = entry.getKey();
      map.get().scalar(key, entry.getValue()).ifPresent(text -> values.put(key, text));
    }
    return values;
  }

  /** This node itself as a map; empty (with a problem) when it is not one. */
  public Optional<YamlNode> asObject() {
    return check(node.isObject(), null, "expected a map but got " + describe(node))
        ? Optional.of(this)
        : Optional.empty();
  }

  /** The raw node, for fields that accept more than one type. */
  public JsonNode raw(String field) {
    return node.get(field);
  }

  /**
   * Numbers and booleans are accepted where text is expected, spelled as written (1.10 stays 1.10).
   */
  private Optional<String> scalar(String field, JsonNode child) {
    if (child.isTextual()) {
      return Optional.of(child.textValue());
    }
    if (child.isBigDecimal()) {
      return Optional.of(child.decimalValue().toPlainString());
    }
    if (child.isNumber() || child.isBoolean()) {
      return Optional.of(child.asText());
    }
    problem(field, "expected a string but got " + describe(child));
    return Optional.empty();
  }

  public static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "a map";
      case ARRAY -> "a list";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case NULL -> "null";
      default -> "a string";
    };
  }
}
