package dev.cimanager.ssca.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The source the build cloned: the repository and the exact commit, plus the ref it was asked for.
 *
 * @param repoUrl the repository URL as cloned (https, ssh or file URL)
 * @param branch the branch built; null for tag builds
 * @param tag the tag built; null for branch builds
 * @param prNumber the pull request number for PR builds; null otherwise
 * @param commitSha the full lowercase hex commit id that was checked out
 * @param commitTime the commit's committer time (the image's source date)
 */
public record Codebase(
    String repoUrl,
    String branch,
    String tag,
    String prNumber,
    String commitSha,
    Instant commitTime) {
  public Codebase {
    repoUrl = Require.text(repoUrl, "codebase.repoUrl");
    branch = Require.optional(branch);
    tag = Require.optional(tag);
    prNumber = Require.optional(prNumber);
    if (prNumber != null && !prNumber.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "codebase.prNumber must be a number but was '" + prNumber + "'");
    }
    commitSha = Require.gitCommit(commitSha, "codebase.commitSha");
    Objects.requireNonNull(commitTime, "codebase.commitTime");
  }
}
