package dev.cimanager.app.pipelines;

import java.util.Objects;

/**
 * {@code properties.ci.codebase}: the Git connector to clone and what to build from it.
 *
 * @param connectorRef a Git connector reference ({@code account.<id>}, {@code org.<id>} or {@code
 *     <id>})
 * @param buildType whether {@code ref} names a branch or a tag
 * @param ref the branch or tag name
 */
public record Codebase(String connectorRef, BuildType buildType, String ref) {

  public enum BuildType {
    BRANCH("branch"),
    TAG("tag");

    private final String yamlName;

    BuildType(String yamlName) {
      this.yamlName = yamlName;
    }

    /**
     * The word used in YAML, both as {@code build.type} and as the key under {@code build.spec}.
     */
    public String yamlName() {
      return yamlName;
    }
  }

  public Codebase {
    Objects.requireNonNull(connectorRef, "connectorRef");
    Objects.requireNonNull(buildType, "buildType");
    Objects.requireNonNull(ref, "ref");
  }
}
