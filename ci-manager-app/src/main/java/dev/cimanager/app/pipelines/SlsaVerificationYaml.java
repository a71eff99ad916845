package dev.cimanager.app.pipelines;

import dev.cimanager.ssca.spi.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code SlsaVerification} step in the Harness shape of {@code
 * contract/examples/pipeline-verify.yaml}: {@code spec.source} (Docker: connector, image_path, tag
 * or digest), {@code spec.verify_attestation} (cosign: public_key) and the step-level {@code
 * enforce.policySets}. Problems go to the node with their YAML path like every other step's.
 */
final class SlsaVerificationYaml {

  private SlsaVerificationYaml() {}

  /**
   * @return null when the step has a problem (recorded on the node)
   */
  static SlsaVerificationSpec read(YamlNode step) {
    YamlNode spec = step.object("spec", "Step spec");
    if (spec == null) {
      return null;
    }
    YamlNode source = spec.object("source", "Source");
    YamlNode verify = spec.object("verify_attestation", "Verify attestation");
    List<String> policySets = policySets(step);
    if (source == null || verify == null || policySets == null) {
      return null;
    }
    String sourceType = source.text("type", "Source type");
    if (sourceType != null && !sourceType.equals("Docker")) {
      source.problem("type", "unknown source type '" + sourceType + "'; only Docker is supported");
      return null;
    }
    YamlNode sourceSpec = source.object("spec", "Source spec");
    String verifyType = verify.text("type", "Verify attestation type");
    if (verifyType != null && !verifyType.equals("cosign")) {
      verify.problem(
          "type", "unknown attestation type '" + verifyType + "'; only cosign is supported");
      return null;
    }
    YamlNode verifySpec = verify.object("spec", "Verify attestation spec");
    if (sourceSpec == null || verifySpec == null || sourceType == null || verifyType == null) {
      return null;
    }
    String connector =
        PipelineParser.reference(sourceSpec, "connector", "Docker registry connector");
    String imagePath = sourceSpec.text("image_path", "Image path");
    if (imagePath != null && !PipelineParser.REPOSITORY.matcher(imagePath).matches()) {
      sourceSpec.problem(
          "image_path",
          "'"
              + imagePath
              + "' is not a valid repository path (lowercase letters, "
              + "digits, separators . _ -, path components joined by /, e.g. demo/app)");
      imagePath = null;
    }
    String digest = sourceSpec.optionalText("digest", null);
    String tag = sourceSpec.optionalText("tag", null);
    boolean imageValid = true;
    if (digest != null) {
      if (!Digest.isValid(digest)) {
        sourceSpec.problem(
            "digest", "'" + digest + "' is not a digest (sha256: and 64 lowercase hex digits)");
        imageValid = false;
      }
    } else if (tag == null) {
      sourceSpec.problem("tag", "a tag or a digest is required");
      imageValid = false;
    } else if (Expressions.containsExpression(tag)) {
      imageValid = PipelineParser.expressionsValid(sourceSpec, "tag", tag);
    } else if (!PipelineParser.TAG.matcher(tag).matches()) {
      sourceSpec.problem(
          "tag",
          "'"
              + tag
              + "' is not a valid image tag (letters, digits, _ . -, at most 128, "
              + "not starting with . or -)");
      imageValid = false;
    }
    String publicKey = PipelineParser.reference(verifySpec, "public_key", "Public key");
    if (connector == null || imagePath == null || !imageValid || publicKey == null) {
      return null;
    }
    return new SlsaVerificationSpec(
        connector, imagePath, digest != null ? null : tag, digest, publicKey, policySets);
  }

  /** The step's {@code enforce.policySets}; empty when absent, null when one is invalid. */
  private static List<String> policySets(YamlNode step) {
    var enforce = step.optionalObject("enforce");
    if (enforce.isEmpty() || !enforce.get().has("policySets")) {
      return List.of();
    }
    List<String> references = new ArrayList<>();
    boolean valid = true;
    List<String> items = enforce.get().textList("policySets", "Policy sets");
    for (int i = 0; i < items.size(); i++) {
      String reference = items.get(i);
      if (!PipelineParser.REFERENCE.matcher(reference).matches()) {
        enforce
            .get()
            .problem(
                "policySets[" + i + "]",
                "'" + reference + "' is not a valid reference (account.<id>, org.<id> or <id>)");
        valid = false;
      }
      references.add(reference);
    }
    return valid ? references : null;
  }
}
