package dev.cimanager.app.execution.tools;

import dev.cimanager.app.pipelines.Codebase;
import dev.cimanager.ssca.spi.Credentials;
import java.util.Objects;

/**
 * What to clone: a repository URL ({@code file://}, {@code http(s)://}), a branch or tag, and the
 * credentials for it (null for anonymous access). A webhook's run also names the ref to fetch (a
 * pull request's {@code refs/pull/<n>/head}) and the exact commit to check out.
 *
 * @param fetchRef the full ref to fetch instead of the branch's or tag's, or null
 * @param commitSha the commit to check out (it must be reachable from the fetched ref), or null for
 *     the tip
 */
public record GitSource(
    String url,
    Codebase.BuildType refType,
    String ref,
    Credentials credentials,
    String fetchRef,
    String commitSha) {

  public GitSource {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(refType, "refType");
    Objects.requireNonNull(ref, "ref");
    if (fetchRef != null && fetchRef.equals(standardRef(refType, ref))) {
      // the branch's or tag's own ref: nothing special to fetch, and messages name the branch or
      // tag
      fetchRef = null;
    }
  }

  public GitSource(String url, Codebase.BuildType refType, String ref, Credentials credentials) {
    this(url, refType, ref, credentials, null, null);
  }

  /**
   * The full ref name, e.g. {@code refs/heads/main}, {@code refs/tags/v1.0} or {@code
   * refs/pull/7/head}.
   */
  public String fullRef() {
    return fetchRef != null ? fetchRef : standardRef(refType, ref);
  }

  private static String standardRef(Codebase.BuildType refType, String ref) {
    return (refType == Codebase.BuildType.BRANCH ? "refs/heads/" : "refs/tags/") + ref;
  }
}
