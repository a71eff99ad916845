package dev.cimanager.app.execution.steps;

import dev.cimanager.ssca.spi.Credentials;

import dev.cimanager.app.pipelines.Codebase;
import java.util.Objects;

/**
 * What to clone: a repository URL ({@code file://}, {@code http(s)://}), a branch or tag, and the
 * credentials for it (null for anonymous access).
 */
public record GitSource(String url, Codebase.BuildType refType, String ref, Credentials credentials) {

  public GitSource {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(refType, "refType");
    Objects.requireNonNull(ref, "ref");
  }

  /** The full ref name, e.g. {@code refs/heads/main} or {@code refs/tags/v1.0}. */
  public String fullRef() {
    return (refType == Codebase.BuildType.BRANCH ? "refs/heads/" : "refs/tags/") + ref;
  }
}
