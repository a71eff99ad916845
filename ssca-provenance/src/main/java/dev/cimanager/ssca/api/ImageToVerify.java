package dev.cimanager.ssca.api;

import dev.cimanager.ssca.spi.Credentials;
import java.util.List;
import java.util.Objects;

/**
 * What to verify: an image by tag or digest (a digest wins), the public key that must have signed
 * its provenance, and the policy sets its provenance must satisfy.
 *
 * @param image {@code registry/repository}
 * @param tag null when {@code digest} is given
 * @param digest {@code sha256:<hex>}, or null to resolve {@code tag}
 * @param publicKeyPem the key file as {@code cosign generate-key-pair} writes {@code cosign.pub}
 * @param credentials null for anonymous registry access
 */
public record ImageToVerify(
    String image,
    String tag,
    String digest,
    byte[] publicKeyPem,
    Credentials credentials,
    List<PolicySet> policySets) {
  public ImageToVerify {
    Objects.requireNonNull(image, "image");
    if (tag == null && digest == null) {
      throw new IllegalArgumentException("a tag or a digest is required");
    }
    publicKeyPem = Objects.requireNonNull(publicKeyPem, "publicKeyPem").clone();
    policySets = List.copyOf(policySets);
  }

  @Override
  public byte[] publicKeyPem() {
    return publicKeyPem.clone();
  }
}
