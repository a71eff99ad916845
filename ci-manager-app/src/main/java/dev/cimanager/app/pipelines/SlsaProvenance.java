package dev.cimanager.app.pipelines;

import java.util.Objects;

/**
 * A stage's {@code slsa_provenance} block, as users write it in Harness.
 *
 * @param enabled {@code "true"}, {@code "false"}, or text with expressions that resolves to one of
 *     them at run time (see {@link ExpressionResolver#resolveBoolean})
 * @param privateKeyRef reference to the file secret holding the Cosign private key
 * @param passwordRef reference to the text secret holding the key's password
 * @param yamlPath where the block sits in the YAML, for messages
 */
public record SlsaProvenance(
    String enabled, String privateKeyRef, String passwordRef, String yamlPath) {

  public SlsaProvenance {
    Objects.requireNonNull(enabled, "enabled");
    Objects.requireNonNull(yamlPath, "yamlPath");
  }

  /** Resolves {@code enabled} for one execution. */
  public boolean isEnabled(ExpressionResolver resolver) {
    return resolver.resolveBoolean(enabled, yamlPath + ".enabled");
  }
}
