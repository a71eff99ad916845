package dev.cimanager.app.execution;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a run builds when it does not build the pipeline's own codebase ref: a branch (a manual
 * run's {@code branch}, a push), a tag, or a pull request, and, for webhooks, the exact commit the
 * event named.
 *
 * @param branch the branch (for pull requests: the source branch), or null
 * @param tag the tag, or null
 * @param prNumber the pull or merge request number (digits), or null
 * @param commitSha the 40-hex commit to check out, or null to build the ref's tip
 * @param fetchRef the full ref to fetch, e.g. {@code refs/heads/main}, {@code refs/tags/v1}, {@code
 *     refs/pull/7/head}
 */
public record CodebaseRef(
    String branch, String tag, String prNumber, String commitSha, String fetchRef) {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

  public CodebaseRef {
    Objects.requireNonNull(fetchRef, "fetchRef");
    if ((branch == null) == (tag == null)) {
      throw new IllegalArgumentException("exactly one of branch and tag is set");
    }
    if (commitSha != null && !SHA.matcher(commitSha).matches()) {
      throw new IllegalArgumentException("commitSha must be 40 lowercase hex digits: " + commitSha);
    }
    if (prNumber != null && !NUMBER.matcher(prNumber).matches()) {
      throw new IllegalArgumentException("prNumber must be a positive number: " + prNumber);
    }
  }

  /** The tip of {@code branch}, as a manual run with a branch asks. */
  public static CodebaseRef branchTip(String branch) {
    return new CodebaseRef(branch, null, null, null, "refs/heads/" + branch);
  }
}
