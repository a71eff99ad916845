package dev.cimanager.ssca.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.oci.FetchedManifest;
import dev.cimanager.ssca.oci.RegistryClient;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryException;
import dev.cimanager.ssca.signing.DsseVerifier;
import dev.cimanager.ssca.signing.Envelope;
import dev.cimanager.ssca.signing.SignatureVerificationException;
import dev.cimanager.ssca.signing.VerifiedEnvelope;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies every layer of an image's {@code sha256-<hex>.att} as {@code cosign verify-attestation
 * --key KEY --type slsaprovenance1} does: DSSE layer with cosign's signature annotation, a
 * signature that verifies with the key, an in-toto payload, a Statement v1 about the image, SLSA v1
 * provenance.
 */
public final class AttestationVerifier {
  /**
   * Layers of one {@code .att} verified at most: one per attestation of the digest, so a few in
   * practice.
   */
  static final int MAX_LAYERS = 100;

  static final String LAYER_MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
  static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";

  private final RegistryClients clients;

  public AttestationVerifier(RegistryClients clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /**
   * @param credentials null for anonymous access
   * @throws AttestationNotFoundException when the image has no {@code .att} tag
   * @throws RegistryException when the registry cannot be read
   * @throws IllegalArgumentException when the key is not one cosign keys can be
   */
  public VerificationReport verify(
      RepositoryRef repo, Digest imageDigest, PublicKey key, Credentials credentials) {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(imageDigest, "imageDigest");
    DsseVerifier dsse = dsseVerifier(Objects.requireNonNull(key, "key"));
    RegistryClient client = clients.forPull(repo, credentials);
    String reference = repo + ":" + imageDigest.attestationTag();
    FetchedManifest manifest =
        client
            .pullManifest(imageDigest.attestationTag())
            .orElseThrow(
                () ->
                    new AttestationNotFoundException(
                        "tried to verify the attestations of "
                            + repo
                            + "@"
                            + imageDigest
                            + " but failed because "
                            + reference
                            + " does not exist: the image was never attested in this repository"));
    JsonNode layers = layers(manifest, reference);
    if (layers.size() > MAX_LAYERS) {
      // each layer is a blob download and a signature check; the registry is any host a connector
      // names
      throw new RegistryException(
          "verify the attestations in " + reference,
          200,
          "its manifest "
              + manifest.digest()
              + " has "
              + layers.size()
              + " layers, more than the "
              + MAX_LAYERS
              + " a verification reads");
    }

    List<VerifiedAttestation> verified = new ArrayList<>();
    List<LayerFailure> failures = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      JsonNode descriptor = layers.get(i);
      Digest layerDigest;
      try {
        layerDigest = Digest.parse(descriptor.path("digest").asText());
      } catch (IllegalArgumentException e) {
        throw new RegistryException(
            "verify the attestations in " + reference,
            200,
            "layer " + i + " has an invalid digest: " + e.getMessage());
      }
      try {
        verified.add(verifyLayer(i, layerDigest, descriptor, client, dsse, imageDigest));
      } catch (LayerRejectedException e) {
        failures.add(new LayerFailure(i, layerDigest, e.getMessage()));
      }
    }
    return new VerificationReport(verified, failures, reference);
  }

  private static VerifiedAttestation verifyLayer(
      int index,
      Digest layerDigest,
      JsonNode descriptor,
      RegistryClient client,
      DsseVerifier dsse,
      Digest imageDigest)
      throws LayerRejectedException {
    String mediaType = descriptor.path("mediaType").asText(null);
    if (!LAYER_MEDIA_TYPE.equals(mediaType)) {
      throw new LayerRejectedException(
          "layer media type is "
              + StatementPolicy.quoted(mediaType)
              + ", expected "
              + LAYER_MEDIA_TYPE);
    }
    JsonNode annotations = descriptor.path("annotations");
    if (!annotations.has(SIGNATURE_ANNOTATION)) {
      throw new LayerRejectedException("layer lacks the " + SIGNATURE_ANNOTATION + " annotation");
    }
    byte[] blob;
    try {
      blob = client.pullBlob(layerDigest);
    } catch (RegistryException e) {
      throw new LayerRejectedException(e.getMessage());
    }
    VerifiedEnvelope envelope;
    try {
      envelope = dsse.verify(Envelope.fromJson(blob));
    } catch (SignatureVerificationException e) {
      throw new LayerRejectedException(e.getMessage());
    }
    if (!Envelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
      throw new LayerRejectedException(
          "payloadType is \""
              + envelope.payloadType()
              + "\", expected "
              + Envelope.IN_TOTO_PAYLOAD_TYPE);
    }
    byte[] statement = envelope.payload();
    String predicateType = StatementPolicy.check(statement, imageDigest);
    String annotated = annotations.path("predicateType").asText(null);
    if (annotated != null && !annotated.equals(predicateType)) {
      throw new LayerRejectedException(
          "the layer's predicateType annotation \""
              + annotated
              + "\" disagrees with the statement's \""
              + predicateType
              + "\"");
    }
    return new VerifiedAttestation(index, layerDigest, statement, predicateType);
  }

  private static JsonNode layers(FetchedManifest manifest, String reference) {
    try {
      JsonNode layers = SscaJson.read(manifest.content()).path("layers");
      if (!layers.isArray()) {
        throw new RegistryException(
            "verify the attestations in " + reference,
            200,
            "its manifest " + manifest.digest() + " has no layers array");
      }
      return layers;
    } catch (IOException e) {
      throw new RegistryException(
          "verify the attestations in " + reference,
          200,
          "its manifest " + manifest.digest() + " is not valid JSON",
          e);
    }
  }

  private static DsseVerifier dsseVerifier(PublicKey key) {
    try {
      return DsseVerifier.forKey(key);
    } catch (SignatureVerificationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
