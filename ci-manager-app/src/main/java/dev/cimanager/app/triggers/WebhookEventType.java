package dev.cimanager.app.triggers;

import java.util.List;

/**
 * The kinds of Git event a webhook trigger takes, with their YAML names and the payload condition
 * keys each kind of event has values for.
 */
public enum WebhookEventType {
  PUSH("Push", List.of("targetBranch", "sourceBranch", "changedFiles")),
  PULL_REQUEST("PullRequest", List.of("targetBranch", "sourceBranch")),
  TAG("Tag", List.of("tag"));

  private final String yamlName;
  private final List<String> conditionKeys;

  WebhookEventType(String yamlName, List<String> conditionKeys) {
    this.yamlName = yamlName;
    this.conditionKeys = conditionKeys;
  }

  public String yamlName() {
    return yamlName;
  }

  public List<String> conditionKeys() {
    return conditionKeys;
  }
}
