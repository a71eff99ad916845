package dev.cimanager.app.pipelines;

import java.util.List;
import java.util.Objects;

/**
 * {@code SlsaVerification}: verify an image's SLSA provenance with a public key and apply policy
 * sets.
 *
 * @param connectorRef {@code spec.source.spec.connector}, a DockerRegistry connector
 * @param imagePath {@code spec.source.spec.image_path}, the repository inside that registry
 * @param tag may hold expressions; null when {@code digest} is given
 * @param digest {@code sha256:<hex>}, or null; wins over {@code tag}
 * @param publicKeyRef {@code spec.verify_attestation.spec.public_key}, a SecretFile
 * @param policySetRefs the step's {@code enforce.policySets}, possibly empty
 */
public record SlsaVerificationSpec(
    String connectorRef,
    String imagePath,
    String tag,
    String digest,
    String publicKeyRef,
    List<String> policySetRefs)
    implements StepSpec {

  public static final String TYPE = "SlsaVerification";

  public SlsaVerificationSpec {
    Objects.requireNonNull(connectorRef, "connectorRef");
    Objects.requireNonNull(imagePath, "imagePath");
    Objects.requireNonNull(publicKeyRef, "publicKeyRef");
    if (tag == null && digest == null) {
      throw new IllegalArgumentException("a tag or a digest is required");
    }
    policySetRefs = List.copyOf(policySetRefs);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** This spec with its tag's expressions resolved; {@code specPath} is named in errors. */
  public SlsaVerificationSpec resolve(ExpressionResolver resolver, String specPath) {
    String resolvedTag =
        digest != null || tag == null ? tag : resolver.resolve(tag, specPath + ".source.spec.tag");
    return new SlsaVerificationSpec(
        connectorRef, imagePath, resolvedTag, digest, publicKeyRef, policySetRefs);
  }
}
