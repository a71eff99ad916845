package dev.cimanager.ssca.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying one image: its signature check, each policy's result, and one sentence
 * saying why it FAILED.
 *
 * @param image {@code registry/repository@sha256:<hex>}, or {@code registry/repository:tag} when
 *     the tag did not resolve
 * @param digest {@code sha256:<hex>}, null when the tag did not resolve
 * @param policies the results on the verified provenance (empty when none verified)
 * @param failureMessage null unless FAILED
 * @param logLines one line per signature or subject failure and per policy result, for the step log
 */
public record Verdict(
    String image,
    String digest,
    Status status,
    Status signature,
    List<PolicyResult> policies,
    String failureMessage,
    List<String> logLines) {

  /** PASSED, WARNING (a warning policy denied) or FAILED; a signature is PASSED or FAILED. */
  public enum Status {
    PASSED,
    WARNING,
    FAILED
  }

  public Verdict {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(signature, "signature");
    policies = List.copyOf(policies);
    logLines = List.copyOf(logLines);
    if ((status == Status.FAILED) != (failureMessage != null)) {
      throw new IllegalArgumentException("a FAILED verdict, and only it, has a failure message");
    }
  }

  public boolean passed() {
    return status != Status.FAILED;
  }
}
