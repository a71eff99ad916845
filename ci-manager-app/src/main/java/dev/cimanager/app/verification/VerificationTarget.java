package dev.cimanager.app.verification;

import java.util.List;
import java.util.Objects;

/**
 * What to verify, with every reference as written in YAML or the request (resolved from a project).
 *
 * @param tag null when {@code digest} is given
 * @param digest {@code sha256:<hex>}, or null to resolve {@code tag}; wins over it
 */
public record VerificationTarget(
    String connectorRef,
    String imagePath,
    String tag,
    String digest,
    String publicKeyRef,
    List<String> policySetRefs) {
  public VerificationTarget {
    Objects.requireNonNull(connectorRef, "connectorRef");
    Objects.requireNonNull(imagePath, "imagePath");
    Objects.requireNonNull(publicKeyRef, "publicKeyRef");
    policySetRefs = List.copyOf(policySetRefs);
  }
}
