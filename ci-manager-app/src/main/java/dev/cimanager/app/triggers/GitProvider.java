package dev.cimanager.app.triggers;

/** The Git providers whose webhooks a trigger takes, with their YAML names. */
public enum GitProvider {
  GITHUB("Github"),
  GITLAB("Gitlab");

  private final String yamlName;

  GitProvider(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }
}
