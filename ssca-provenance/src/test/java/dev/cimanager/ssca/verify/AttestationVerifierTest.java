package dev.cimanager.ssca.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.oci.AttestationPublisher;
import dev.cimanager.ssca.oci.PublishedAttestation;
import dev.cimanager.ssca.oci.RegistryClient;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.RegistryException;
import dev.cimanager.ssca.oci.TestEnvelopes;
import dev.cimanager.ssca.signing.PublicKeys;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publishes with the real publisher to a real docker-registry, then verifies; one negative per
 * check.
 */
@IntegrationTest
class AttestationVerifierTest {
  private static final TestEnvelopes KEYS = TestEnvelopes.withNewKey();
  private static LocalRegistry registry;
  private static RegistryClients clients;
  private static RepositoryRef repo;
  private static AttestationPublisher publisher;
  private static AttestationVerifier verifier;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
    clients =
        new RegistryClients(
            RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
    repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");
    publisher = new AttestationPublisher(clients, new InProcessAttestationLocks());
    verifier = new AttestationVerifier(clients);
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void verify_twoPublishedAttestations_bothVerify() {
    Digest image = TestEnvelopes.randomDigest();
    PublishedAttestation first =
        publisher.publish(
            repo, image, KEYS.provenanceEnvelope(repo, image, "one"), TestEnvelopes.SLSA_V1, null);
    PublishedAttestation second =
        publisher.publish(
            repo, image, KEYS.provenanceEnvelope(repo, image, "two"), TestEnvelopes.SLSA_V1, null);

    VerificationReport report = verifier.verify(repo, image, KEYS.publicKey(), null);

    assertThat(report.failures()).isEmpty();
    assertThat(report.requireVerified())
        .extracting(VerifiedAttestation::layerDigest)
        .containsExactly(first.layerDigest(), second.layerDigest());
    assertThat(report.verified())
        .extracting(VerifiedAttestation::predicateType)
        .containsOnly("https://slsa.dev/provenance/v1");
    assertThat(new String(report.verified().get(1).statementJson(), StandardCharsets.UTF_8))
        .contains("\"note\":\"two\"");
  }

  @Test
  void verify_wrongKey_failsEveryLayerAndRequireVerifiedListsThem() {
    Digest image = TestEnvelopes.randomDigest();
    publisher.publish(
        repo, image, KEYS.provenanceEnvelope(repo, image, "k"), TestEnvelopes.SLSA_V1, null);

    VerificationReport report =
        verifier.verify(repo, image, TestEnvelopes.withNewKey().publicKey(), null);

    assertThat(report.verified()).isEmpty();
    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("none of the 1 signature(s) verifies"));
    assertThatThrownBy(report::requireVerified)
        .isInstanceOf(AttestationVerificationException.class)
        .hasMessageContaining("none of its 1 layer(s) verified")
        .hasMessageContaining("layer 0 (sha256:");
  }

  @Test
  void verify_tamperedPayload_failsTheSignatureCheck() {
    Digest image = TestEnvelopes.randomDigest();
    String genuine =
        new String(KEYS.provenanceEnvelope(repo, image, "genuine"), StandardCharsets.UTF_8);
    String forgedPayload =
        Base64.getEncoder()
            .encodeToString(
                TestEnvelopes.statement(repo.toString(), image, TestEnvelopes.SLSA_V1, "forged")
                    .getBytes(StandardCharsets.UTF_8));
    byte[] tampered =
        genuine
            .replaceFirst("\"payload\":\"[^\"]+\"", "\"payload\":\"" + forgedPayload + "\"")
            .getBytes(StandardCharsets.UTF_8);
    publisher.publish(repo, image, tampered, TestEnvelopes.SLSA_V1, null);

    VerificationReport report = verifier.verify(repo, image, KEYS.publicKey(), null);

    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("signature(s) verifies"));
  }

  @Test
  void verify_subjectIsAnotherImage_failsTheSubjectCheck() {
    Digest image = TestEnvelopes.randomDigest();
    publisher.publish(
        repo,
        image,
        KEYS.provenanceEnvelope(repo, TestEnvelopes.randomDigest(), "other"),
        TestEnvelopes.SLSA_V1,
        null);

    VerificationReport report = verifier.verify(repo, image, KEYS.publicKey(), null);

    assertThat(report.failures())
        .singleElement()
        .extracting(LayerFailure::reason)
        .isEqualTo("no subject has digest.sha256 " + image.hex() + " (the image digest)");
  }

  @Test
  void verify_slsaV02Predicate_failsThePredicateTypeCheck() {
    Digest image = TestEnvelopes.randomDigest();
    String v02 = "https://slsa.dev/provenance/v0.2";
    publisher.publish(
        repo,
        image,
        KEYS.envelope(TestEnvelopes.statement(repo.toString(), image, v02, "old")),
        v02,
        null);

    VerificationReport report = verifier.verify(repo, image, KEYS.publicKey(), null);

    assertThat(report.failures())
        .singleElement()
        .extracting(LayerFailure::reason)
        .isEqualTo("predicateType is \"" + v02 + "\", expected https://slsa.dev/provenance/v1");
  }

  @Test
  void verify_wrongPayloadType_failsThePayloadTypeCheck() {
    Digest image = TestEnvelopes.randomDigest();
    byte[] statement =
        TestEnvelopes.statement(repo.toString(), image, TestEnvelopes.SLSA_V1, "t")
            .getBytes(StandardCharsets.UTF_8);
    publisher.publish(
        repo, image, KEYS.envelope("application/json", statement), TestEnvelopes.SLSA_V1, null);

    VerificationReport report = verifier.verify(repo, image, KEYS.publicKey(), null);

    assertThat(report.failures())
        .singleElement()
        .extracting(LayerFailure::reason)
        .isEqualTo("payloadType is \"application/json\", expected application/vnd.in-toto+json");
  }

  @Test
  void verify_statementV01_failsTheStatementTypeCheck() {
    Digest image = TestEnvelopes.randomDigest();
    String v01 =
        TestEnvelopes.statement(repo.toString(), image, TestEnvelopes.SLSA_V1, "t")
            .replace("https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1");
    publisher.publish(repo, image, KEYS.envelope(v01), TestEnvelopes.SLSA_V1, null);

    VerificationReport report = verifier.verify(repo, image, KEYS.publicKey(), null);

    assertThat(report.failures())
        .singleElement()
        .extracting(LayerFailure::reason)
        .isEqualTo(
            "statement _type is \"https://in-toto.io/Statement/v0.1\", expected https://in-toto.io/Statement/v1");
  }

  @Test
  void verify_layerWithoutSignatureAnnotation_failsAndOtherLayersStillVerify() {
    Digest image = TestEnvelopes.randomDigest();
    byte[] good = KEYS.provenanceEnvelope(repo, image, "annotated");
    byte[] bare = KEYS.provenanceEnvelope(repo, image, "bare");
    pushManifestByHand(image, good, bare);

    VerificationReport report = verifier.verify(repo, image, KEYS.publicKey(), null);

    assertThat(report.verified())
        .singleElement()
        .extracting(VerifiedAttestation::layerIndex)
        .isEqualTo(0);
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.layerIndex()).isEqualTo(1);
              assertThat(f.layerDigest()).isEqualTo(Digest.of(bare));
              assertThat(f.reason())
                  .isEqualTo("layer lacks the dev.cosignproject.cosign/signature annotation");
            });
  }

  @Test
  void verify_cosignProducedV01Envelope_passesTheSignatureAndStopsAtTheStatementType()
      throws Exception {
    Path dsse = Path.of("/work/shared/testdata/cosign/dsse");
    byte[] cosignEnvelope = Files.readAllBytes(dsse.resolve("cosign-blob-slsa02-envelope.json"));
    PublicKey cosignKey =
        PublicKeys.parse(Files.readAllBytes(dsse.resolve("cosign-blob-test.pub")));
    Digest blob =
        Digest.parse("sha256:658781cd4ed9bca60dacd09f7bb914bb51502e8b5d619f57f39a1d652596cc24");
    publisher.publish(repo, blob, cosignEnvelope, "https://slsa.dev/provenance/v0.2", null);

    VerificationReport report = verifier.verify(repo, blob, cosignKey, null);

    // a wrong signature would have failed first: cosign's own envelope verifies, then the v1 policy
    // rejects it
    assertThat(report.failures())
        .singleElement()
        .extracting(LayerFailure::reason)
        .isEqualTo(
            "statement _type is \"https://in-toto.io/Statement/v0.1\", expected https://in-toto.io/Statement/v1");
  }

  @Test
  void verify_noAttTag_throwsNotFoundNamingTheReference() {
    Digest image = TestEnvelopes.randomDigest();

    assertThatThrownBy(() -> verifier.verify(repo, image, KEYS.publicKey(), null))
        .isInstanceOf(AttestationNotFoundException.class)
        .hasMessageContaining(repo + ":sha256-" + image.hex() + ".att does not exist");
  }

  @Test
  void verify_manifestWithMoreLayersThanTheLimit_isRefusedBeforeAnyBlobIsRead() {
    Digest image = TestEnvelopes.randomDigest();
    byte[] envelope = KEYS.provenanceEnvelope(repo, image, "many");
    RegistryClient client = clients.forPush(repo, null);
    client.pushBlob(Digest.of(envelope), envelope);
    byte[] config =
        "{\"architecture\":\"\",\"os\":\"\",\"config\":{}}".getBytes(StandardCharsets.UTF_8);
    client.pushBlob(Digest.of(config), config);
    String oneLayer =
        layer(envelope, "\"annotations\":{\"dev.cosignproject.cosign/signature\":\"\"}");
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":"
            + config.length
            + ",\"digest\":\""
            + Digest.of(config)
            + "\"},\"layers\":["
            + String.join(
                ",", java.util.Collections.nCopies(AttestationVerifier.MAX_LAYERS + 1, oneLayer))
            + "]}";
    client.pushManifest(
        image.attestationTag(),
        "application/vnd.oci.image.manifest.v1+json",
        manifest.getBytes(StandardCharsets.UTF_8));
    long before = clients.requestsSent();

    assertThatThrownBy(() -> verifier.verify(repo, image, KEYS.publicKey(), null))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining(
            "has "
                + (AttestationVerifier.MAX_LAYERS + 1)
                + " layers, more than the "
                + AttestationVerifier.MAX_LAYERS);
    assertThat(clients.requestsSent() - before).isEqualTo(1); // the manifest only
  }

  /**
   * A manifest whose second layer lacks cosign's signature annotation, which the publisher never
   * writes.
   */
  private static void pushManifestByHand(Digest image, byte[] annotated, byte[] bare) {
    RegistryClient client = clients.forPush(repo, null);
    client.pushBlob(Digest.of(annotated), annotated);
    client.pushBlob(Digest.of(bare), bare);
    byte[] config =
        ("{\"architecture\":\"\",\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + Digest.of(annotated)
                + "\",\""
                + Digest.of(bare)
                + "\"]},\"config\":{}}")
            .getBytes(StandardCharsets.UTF_8);
    client.pushBlob(Digest.of(config), config);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":"
            + config.length
            + ",\"digest\":\""
            + Digest.of(config)
            + "\"},"
            + "\"layers\":["
            + layer(
                annotated,
                "\"annotations\":{\"dev.cosignproject.cosign/signature\":\"\",\"predicateType\":\"https://slsa.dev/provenance/v1\"}")
            + ","
            + layer(bare, "\"annotations\":{\"predicateType\":\"https://slsa.dev/provenance/v1\"}")
            + "]}";
    client.pushManifest(
        image.attestationTag(),
        "application/vnd.oci.image.manifest.v1+json",
        manifest.getBytes(StandardCharsets.UTF_8));
  }

  private static String layer(byte[] blob, String annotations) {
    return "{\"mediaType\":\"application/vnd.dsse.envelope.v1+json\",\"size\":"
        + blob.length
        + ",\"digest\":\""
        + Digest.of(blob)
        + "\","
        + annotations
        + "}";
  }
}
