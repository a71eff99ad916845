package dev.cimanager.ssca.api;

import dev.cimanager.ssca.api.ProvenanceException.Stage;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.RegistryException;
import dev.cimanager.ssca.signing.KeyLoadingException;
import dev.cimanager.ssca.signing.PublicKeys;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.verify.AttestationNotFoundException;
import dev.cimanager.ssca.verify.AttestationVerifier;
import dev.cimanager.ssca.verify.VerificationReport;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an image's {@code .att} with a public key as {@code cosign verify-attestation --key KEY
 * --type slsaprovenance1} does. Needs no secrets or store, so tools (the {@code verify-attestation}
 * command) use it without a {@link ProvenanceService}.
 */
public final class AttestationVerification {
  private final AttestationVerifier verifier;
  private final ImageVerifier images;

  /**
   * @param clients the same pool {@code verifier} reads with
   */
  AttestationVerification(AttestationVerifier verifier, RegistryClients clients, Clock clock) {
    this(verifier, new ImageVerifier(clients, new PolicyCache(), clock));
  }

  AttestationVerification(AttestationVerifier verifier, ImageVerifier images) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.images = Objects.requireNonNull(images, "images");
  }

  /**
   * @param insecureRegistries {@code host:port} entries reached over plain HTTP
   */
  public static AttestationVerification create(Set<String> insecureRegistries) {
    return create(insecureRegistries, Clock.systemUTC());
  }

  /**
   * @param clock the {@code now} policies see
   */
  public static AttestationVerification create(Set<String> insecureRegistries, Clock clock) {
    RegistryClients clients =
        new RegistryClients(RegistryConfig.defaults().withInsecureHosts(insecureRegistries));
    return new AttestationVerification(
        new AttestationVerifier(clients), new ImageVerifier(clients, new PolicyCache(), clock));
  }

  /**
   * The SLSA Verification step: resolves the tag, verifies the {@code .att} with the key
   * (signature, subject, SLSA v1 predicate type), then applies the policy sets to each verified
   * provenance. Compiled policies are cached per (policy set, version).
   *
   * @return the verdict, FAILED with one sentence for anything wrong with the key, image or
   *     attestation
   * @throws IllegalArgumentException when the image name or digest is malformed
   */
  public Verdict verify(ImageToVerify request) {
    return images.verify(request);
  }

  /**
   * Verifies the image's attestations with {@code publicKeyPem} as {@code cosign verify-attestation
   * --key KEY --type slsaprovenance1} does.
   *
   * @param image {@code registry/repository}
   * @param digest {@code sha256:<hex>} of the image manifest
   * @throws ProvenanceException (stage VERIFY) when the key cannot be read, the image has no
   *     attestation or the registry cannot be read
   */
  public VerificationResult verify(
      String image, String digest, byte[] publicKeyPem, Credentials credentials) {
    String what = "verify the attestations of " + image + "@" + digest;
    try {
      PublicKey key = PublicKeys.parse(publicKeyPem);
      VerificationReport report =
          verifier.verify(RepositoryRef.parse(image), Digest.parse(digest), key, credentials);
      return new VerificationResult(
          report.reference(),
          report.verified().stream().map(v -> v.statementJson()).toList(),
          report.failures().stream().map(Object::toString).toList());
    } catch (KeyLoadingException e) {
      throw ProvenanceException.failed(
          Stage.VERIFY,
          null,
          "tried to " + what + " but failed because the public key is unusable: " + e.getMessage(),
          e);
    } catch (AttestationNotFoundException | RegistryException | IllegalArgumentException e) {
      throw ProvenanceException.failed(
          Stage.VERIFY, null, "tried to " + what + " but failed because " + e.getMessage(), e);
    }
  }
}
