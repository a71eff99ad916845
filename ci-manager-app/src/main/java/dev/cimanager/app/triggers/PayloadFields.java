package dev.cimanager.app.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads the fields of a provider's event JSON, each miss an {@link InvalidPayloadException} naming
 * the field.
 */
final class PayloadFields {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

  /** A commit that does not exist: the ref was deleted. */
  static final String ZERO_SHA = "0".repeat(40);

  /** Changed paths kept per event (conditions need no more; the payload is bounded anyway). */
  static final int MAX_CHANGED_FILES = 10_000;

  private PayloadFields() {}

  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return node == null || node.isNull() ? null : node;
  }

  static String text(JsonNode root, String path) {
    JsonNode node = at(root, path);
    if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
      throw new InvalidPayloadException("the payload has no " + path + " (a string)");
    }
    return node.textValue();
  }

  static String optionalText(JsonNode root, String path) {
    JsonNode node = at(root, path);
    return node != null && node.isTextual() && !node.textValue().isEmpty()
        ? node.textValue()
        : null;
  }

  static String sha(JsonNode root, String path) {
    String sha = text(root, path);
    if (!SHA.matcher(sha).matches()) {
      throw new InvalidPayloadException(path + " is not a 40-hex commit id");
    }
    return sha;
  }

  static String number(JsonNode root, String path) {
    JsonNode node = at(root, path);
    String text =
        node == null
            ? null
            : node.isIntegralNumber() ? node.asText() : node.isTextual() ? node.textValue() : null;
    if (text == null || !NUMBER.matcher(text).matches()) {
      throw new InvalidPayloadException("the payload has no " + path + " (a positive number)");
    }
    return text;
  }

  /** A branch or tag name that is a valid Git ref under {@code prefix}. */
  static String refName(String prefix, String name, String path) {
    if (!Repository.isValidRefName(prefix + name) || name.length() > 255) {
      throw new InvalidPayloadException(
          path + " '" + name + "' is not a valid Git " + prefix + " name");
    }
    return name;
  }

  /** commits[].added/modified/removed, or null when the payload lists no commits. */
  static List<String> changedFiles(JsonNode root) {
    JsonNode commits = at(root, "commits");
    if (commits == null || !commits.isArray()) {
      return null;
    }
    Set<String> files = new LinkedHashSet<>();
    for (JsonNode commit : commits) {
      for (String list : List.of("added", "modified", "removed")) {
        JsonNode paths = commit.get(list);
        if (paths != null && paths.isArray()) {
          for (JsonNode path : paths) {
            if (path.isTextual() && files.size() < MAX_CHANGED_FILES) {
              files.add(path.textValue());
            }
          }
        }
      }
    }
    return new ArrayList<>(files);
  }
}
