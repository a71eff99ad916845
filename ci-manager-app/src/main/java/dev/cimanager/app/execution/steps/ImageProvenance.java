package dev.cimanager.app.execution.steps;

import dev.cimanager.app.execution.tools.PushedImage;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.ssca.spi.Credentials;
import java.time.Instant;
import java.util.Objects;

/**
 * SLSA provenance as the build-and-push step calls it: {@link #beforeBuild} before the image is
 * built, {@link #afterPush} right after it was pushed. A thrown {@link
 * dev.cimanager.app.execution.tools.StepFailedException} fails the step with its message.
 *
 * <p>Why an interface here: app.provenance implements it ({@code SlsaProvenanceHook}) and depends
 * on this package, so the step runner never imports app.provenance and the packages stay one-way
 * (provenance → execution; ArchitectureTest checks there is no cycle).
 */
public interface ImageProvenance {

  /**
   * Checks the signing key when the stage has {@code slsa_provenance} enabled, so a missing secret
   * or wrong password fails the step before anything is built or pushed.
   */
  void beforeBuild(StepContext context);

  /** Generates, signs, stores and pushes the provenance of {@code build}, if the stage wants it. */
  void afterPush(StepContext context, PushedBuild build);

  /**
   * What the step pushed, with its expressions resolved.
   *
   * @param registry {@code host[:port]}, e.g. {@code 127.0.0.1:5000}
   * @param credentials null for anonymous access; {@code toString} hides the password
   * @param pushFinishedAt when the registry accepted the last tag
   */
  record PushedBuild(
      BuildAndPushSpec spec,
      String registry,
      PushedImage image,
      Credentials credentials,
      Instant pushFinishedAt) {

    public PushedBuild {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(pushFinishedAt, "pushFinishedAt");
    }
  }
}
