package dev.cimanager.app.pipelines;

import dev.cimanager.ssca.spi.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code SlsaVerification} step in the Harness shape of {@code
 * contract/examples/pipeline-verify.yaml}: {@code spec.source} (Docker: connector, image_path, tag
 * or digest), {@code spec.verify_attestation} (cosign: public_key) and the step-level {@code
 * enforce.policySets}. Problems go to the node with their YAML path like every other step's.
 */
final class SlsaVerificationYaml {

  private SlsaVerificationYaml() {}

  /**
   * @return empty when the step has a problem (recorded on the node)
   */
  static Optional<StepSpec> read(YamlNode step) {
    Optional<YamlNode> spec = step.object("spec", "Step spec");
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlNode> source = spec.get().object("source", "Source");
    Optional<YamlNode> verify = spec.get().object("verify_attestation", "Verify attestation");
    Optional<List<String>> policySets = policySets(step);
    if (source.isEmpty() || verify.isEmpty() || policySets.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> sourceType = source.get().text("type", "Source type");
    if (!known(
        source.get(), sourceType, "Docker", "unknown source type '%s'; only Docker is supported")) {
      return Optional.empty();
    }
    Optional<YamlNode> sourceSpec = source.get().object("spec", "Source spec");
    Optional<String> verifyType = verify.get().text("type", "Verify attestation type");
    if (!known(
        verify.get(),
        verifyType,
        "cosign",
        "unknown attestation type '%s'; only cosign is supported")) {
      return Optional.empty();
    }
    Optional<YamlNode> verifySpec = verify.get().object("spec", "Verify attestation spec");
    if (sourceSpec.isEmpty()
        || verifySpec.isEmpty()
        || sourceType.isEmpty()
        || verifyType.isEmpty()) {
      return Optional.empty();
    }
    YamlNode image = sourceSpec.get();
    Optional<String> connector = image.reference("connector", "Docker registry connector");
    Optional<String> imagePath = PipelineParser.repository(image, "image_path", "Image path");
    String digest = image.optionalText("digest", null);
    String tag = image.optionalText("tag", null);
    String notDigest = "'%s' is not a digest (sha256: and 64 lowercase hex digits)";
    boolean imageValid =
        digest != null
            ? image.check(Digest.isValid(digest), "digest", notDigest.formatted(digest))
            : image.check(tag != null, "tag", "a tag or a digest is required")
                && PipelineParser.tagValid(image, "tag", tag);
    Optional<String> publicKey = verifySpec.get().reference("public_key", "Public key");
    if (connector.isEmpty() || imagePath.isEmpty() || !imageValid || publicKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SlsaVerificationSpec(
            connector.get(),
            imagePath.get(),
            digest != null ? null : tag,
            digest,
            publicKey.get(),
            policySets.get()));
  }

  /** Whether a present {@code type} is {@code expected}; the problem ({@code %s}: it) if not. */
  private static boolean known(
      YamlNode node, Optional<String> type, String expected, String problem) {
    return type.map(given -> node.check(given.equals(expected), "type", problem.formatted(given)))
        .orElse(true);
  }

  /** The step's {@code enforce.policySets}; empty list when absent, empty when one is invalid. */
  private static Optional<List<String>> policySets(YamlNode step) {
    Optional<YamlNode> enforce = step.optionalObject("enforce");
    if (enforce.isEmpty() || !enforce.get().has("policySets")) {
      return Optional.of(List.of());
    }
    List<String> references = new ArrayList<>();
    boolean valid = true;
    List<String> items = enforce.get().textList("policySets", "Policy sets");
    for (int i = 0; i < items.size(); i++) {
      String reference = items.get(i);
      boolean known = YamlNode.REFERENCE.matcher(reference).matches();
      valid &=
          enforce
              .get()
              .check(
                  known, "policySets[" + i + "]", YamlNode.REFERENCE_PROBLEM.formatted(reference));
      references.add(reference);
    }
    return valid ? Optional.of(references) : Optional.empty();
  }
}
