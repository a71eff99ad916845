package dev.cimanager.app.execution.tools;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checked-out source: what the provenance's {@code codeMetadata} and {@code
 * resolvedDependencies} need, and the commit time that makes the image build reproducible (the
 * provenance records it too).
 *
 * @param repositoryUrl the clone URL without any user info
 * @param branch the branch, or null for a tag build
 * @param tag the tag, or null for a branch build
 * @param commitSha the 40-hex commit checked out (a tag is peeled to its commit)
 * @param commitTime the commit's committer time, in whole seconds
 */
public record ClonedSource(
    String repositoryUrl, String branch, String tag, String commitSha, Instant commitTime) {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  public ClonedSource {
    Objects.requireNonNull(repositoryUrl, "repositoryUrl");
    Objects.requireNonNull(commitTime, "commitTime");
    if (commitSha == null || !SHA.matcher(commitSha).matches()) {
      throw new IllegalArgumentException("commitSha must be 40 lowercase hex digits: " + commitSha);
    }
    if ((branch == null) == (tag == null)) {
      throw new IllegalArgumentException("exactly one of branch and tag is set");
    }
  }
}
