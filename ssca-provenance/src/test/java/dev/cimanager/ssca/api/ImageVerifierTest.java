package dev.cimanager.ssca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.api.PolicyResult.PolicyStatus;
import dev.cimanager.ssca.api.Verdict.Status;
import dev.cimanager.ssca.oci.AttestationPublisher;
import dev.cimanager.ssca.oci.RegistryClient;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.TestEnvelopes;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SLSA Verification engine against a real docker-registry: images pushed by tag, {@code .att}s
 * published by the real publisher, envelopes signed here by "another CI" with every key type cosign
 * accepts, and cosign's own envelopes.
 */
@IntegrationTest
class ImageVerifierTest {
  static final Path COSIGN_DSSE = Path.of("/work/shared/testdata/cosign/dsse");
  static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
  private static final AtomicInteger TAGS = new AtomicInteger();

  private static LocalRegistry registry;
  private static RegistryClients clients;
  private static RepositoryRef repo;
  private static AttestationPublisher publisher;
  private static ImageVerifier verifier;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
    clients =
        new RegistryClients(
            RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
    repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");
    publisher = new AttestationPublisher(clients, new InProcessAttestationLocks());
    verifier = new ImageVerifier(clients, new PolicyCache(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  /** Pushes a one-layer image under a new tag; returns the tag and its manifest digest. */
  static Pushed pushImage() {
    String tag = "t" + TAGS.incrementAndGet();
    RegistryClient client = clients.forPush(repo, null);
    byte[] layer = ("layer " + tag).getBytes(StandardCharsets.UTF_8);
    byte[] config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
            .getBytes(StandardCharsets.UTF_8);
    client.pushBlob(Digest.of(layer), layer);
    client.pushBlob(Digest.of(config), config);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + Digest.of(config)
            + "\",\"size\":"
            + config.length
            + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
            + "\"digest\":\""
            + Digest.of(layer)
            + "\",\"size\":"
            + layer.length
            + "}]}";
    Digest digest =
        client.pushManifest(
            tag,
            "application/vnd.oci.image.manifest.v1+json",
            manifest.getBytes(StandardCharsets.UTF_8));
    return new Pushed(tag, digest);
  }

  record Pushed(String tag, Digest digest) {}

  /** A provenance as another CI (GitHub Actions) writes it, about {@code digest}. */
  static String githubProvenance(Digest digest, String branch) {
    return "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\""
        + repo
        + "\",\"digest\":{\"sha256\":\""
        + digest.hex()
        + "\"}}],\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{\"buildDefinition\":"
        + "{\"buildType\":\"https://actions.github.io/buildtypes/workflow/v1\",\"externalParameters\":{\"workflow\":"
        + "{\"ref\":\"refs/heads/"
        + branch
        + "\",\"repository\":\"https://github.com/acme/app\",\"path\":\".github/workflows/build.yml\"}}},"
        + "\"runDetails\":{\"builder\":{\"id\":\"https://github.com/actions/runner/github-hosted\"},"
        + "\"metadata\":{\"invocationId\":\"https://github.com/acme/app/actions/runs/1/attempts/1\",\"finishedOn\":\"2026-11-29T10:00:00Z\"}}}}";
  }

  /**
   * Signs DSSE envelopes with the JDK: an independent implementation of what cosign does per key
   * type.
   */
  record JdkSigner(KeyPair keys, String algorithm) {
    static JdkSigner of(String kind) {
      try {
        return switch (kind) {
          case "p256" -> new JdkSigner(ec("secp256r1"), "SHA256withECDSA");
          case "p384" -> new JdkSigner(ec("secp384r1"), "SHA384withECDSA");
          case "p521" -> new JdkSigner(ec("secp521r1"), "SHA512withECDSA");
          case "rsa" -> new JdkSigner(generator("RSA", 3072), "SHA256withRSA");
          case "ed25519" ->
              new JdkSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "Ed25519");
          default -> throw new IllegalArgumentException(kind);
        };
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    }

    private static KeyPair generator(String algorithm, int bits) throws GeneralSecurityException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(bits);
      return generator.generateKeyPair();
    }

    byte[] publicKeyPem() {
      return ("-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n")
          .getBytes(StandardCharsets.US_ASCII);
    }

    byte[] envelope(String statement) {
      byte[] payload = statement.getBytes(StandardCharsets.UTF_8);
      String type = "application/vnd.in-toto+json";
      ByteArrayOutputStream pae = new ByteArrayOutputStream();
      pae.writeBytes(
          ("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ")
              .getBytes(StandardCharsets.UTF_8));
      pae.writeBytes(payload);
      try {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(keys.getPrivate());
        signature.update(pae.toByteArray());
        return ("{\"payloadType\":\""
                + type
                + "\",\"payload\":\""
                + Base64.getEncoder().encodeToString(payload)
                + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\""
                + Base64.getEncoder().encodeToString(signature.sign())
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static PolicySet releasePolicy(PolicySeverity severity) {
    return new PolicySet(
        "acct:release",
        1 + severity.ordinal(),
        "account.release_policy",
        List.of(
            new Policy(
                "from_main",
                "Built from main",
                "predicate.buildDefinition.externalParameters.workflow.ref == 'refs/heads/main'",
                "the image was not built from the main branch",
                severity),
            new Policy(
                "fresh",
                "Fresh",
                "now - timestamp(predicate.runDetails.metadata.finishedOn) < duration('720h')",
                "the image is older than 30 days",
                PolicySeverity.WARNING)));
  }

  /** Publishes {@code envelope} as the image's SLSA v1 attestation. */
  private static void attest(Pushed image, byte[] envelope) {
    publisher.publish(repo, image.digest(), envelope, TestEnvelopes.SLSA_V1, null);
  }

  private static Verdict verify(Pushed image, byte[] key, List<PolicySet> sets) {
    return verifier.verify(new ImageToVerify(repo.toString(), image.tag(), null, key, null, sets));
  }

  @ParameterizedTest
  @ValueSource(strings = {"p256", "p384", "p521", "rsa", "ed25519"})
  void thirdPartyProvenance_signedWithEveryCosignKeyType_verifiesByTag(String kind) {
    JdkSigner signer = JdkSigner.of(kind);
    Pushed image = pushImage();
    attest(image, signer.envelope(githubProvenance(image.digest(), "main")));

    Verdict verdict =
        verify(image, signer.publicKeyPem(), List.of(releasePolicy(PolicySeverity.ERROR)));

    assertThat(verdict.status()).isEqualTo(Status.PASSED);
    assertThat(verdict.signature()).isEqualTo(Status.PASSED);
    assertThat(verdict.image()).isEqualTo(repo + "@" + image.digest());
    assertThat(verdict.digest()).isEqualTo(image.digest().toString());
    assertThat(verdict.failureMessage()).isNull();
    assertThat(verdict.policies())
        .extracting(r -> r.identifier() + "=" + r.status())
        .containsExactly("from_main=PASS", "fresh=PASS");
    assertThat(verdict.logLines()).contains("Policy account.release_policy/from_main: PASS");
  }

  @Test
  void errorPolicyDenial_failsWithThePolicyAndItsMessage() {
    JdkSigner signer = JdkSigner.of("p256");
    Pushed image = pushImage();
    attest(image, signer.envelope(githubProvenance(image.digest(), "feature")));

    Verdict verdict =
        verify(image, signer.publicKeyPem(), List.of(releasePolicy(PolicySeverity.ERROR)));

    assertThat(verdict.status()).isEqualTo(Status.FAILED);
    assertThat(verdict.signature()).isEqualTo(Status.PASSED);
    assertThat(verdict.failureMessage())
        .contains("account.release_policy/from_main: the image was not built from the main branch");
    assertThat(verdict.policies())
        .filteredOn(r -> r.status() == PolicyStatus.DENY)
        .extracting(r -> r.identifier())
        .containsExactly("from_main");
  }

  @Test
  void warningPolicyDenial_passesAsWarning() {
    JdkSigner signer = JdkSigner.of("p256");
    Pushed image = pushImage();
    attest(image, signer.envelope(githubProvenance(image.digest(), "feature")));

    Verdict verdict =
        verify(image, signer.publicKeyPem(), List.of(releasePolicy(PolicySeverity.WARNING)));

    assertThat(verdict.status()).isEqualTo(Status.WARNING);
    assertThat(verdict.failureMessage()).isNull();
    assertThat(verdict.logLines())
        .contains(
            "Policy account.release_policy/from_main: DENY (warning): the image was not built from the main branch");
  }

  @Test
  void wrongKey_failsOnTheSignature() {
    Pushed image = pushImage();
    attest(image, JdkSigner.of("p256").envelope(githubProvenance(image.digest(), "main")));

    Verdict verdict =
        verify(
            image,
            JdkSigner.of("p256").publicKeyPem(),
            List.of(releasePolicy(PolicySeverity.ERROR)));

    assertThat(verdict.status()).isEqualTo(Status.FAILED);
    assertThat(verdict.signature()).isEqualTo(Status.FAILED);
    assertThat(verdict.policies()).isEmpty();
    assertThat(verdict.failureMessage())
        .contains("no SLSA provenance attestation verified with the public key")
        .contains("none of the 1 signature(s) verifies");
    assertThat(verdict.logLines())
        .anySatisfy(line -> assertThat(line).startsWith("Attestation layer 0 (sha256:"));
  }

  @Test
  void tamperedPayload_failsOnTheSignature() {
    JdkSigner signer = JdkSigner.of("p256");
    Pushed image = pushImage();
    String envelope =
        new String(
            signer.envelope(githubProvenance(image.digest(), "feature")), StandardCharsets.UTF_8);
    String payload = envelope.replaceAll(".*\"payload\":\"([^\"]+)\".*", "$1");
    String forged =
        Base64.getEncoder()
            .encodeToString(
                new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8)
                    .replace("refs/heads/feature", "refs/heads/main")
                    .getBytes(StandardCharsets.UTF_8));
    attest(image, envelope.replace(payload, forged).getBytes(StandardCharsets.UTF_8));

    Verdict verdict =
        verify(image, signer.publicKeyPem(), List.of(releasePolicy(PolicySeverity.ERROR)));

    assertThat(verdict.signature()).isEqualTo(Status.FAILED);
    assertThat(verdict.failureMessage()).contains("none of the 1 signature(s) verifies");
  }

  @Test
  void provenanceAboutAnotherImage_failsOnTheSubject() {
    JdkSigner signer = JdkSigner.of("p256");
    Pushed image = pushImage();
    attest(image, signer.envelope(githubProvenance(TestEnvelopes.randomDigest(), "main")));

    Verdict verdict = verify(image, signer.publicKeyPem(), List.of());

    assertThat(verdict.signature()).isEqualTo(Status.FAILED);
    assertThat(verdict.failureMessage())
        .contains("no subject has digest.sha256 " + image.digest().hex());
  }

  @Test
  void cosignMadeEnvelope_verifiesItsSignatureButIsNotSlsaV1() throws Exception {
    Digest blob =
        Digest.parse("sha256:658781cd4ed9bca60dacd09f7bb914bb51502e8b5d619f57f39a1d652596cc24");
    publisher.publish(
        repo,
        blob,
        Files.readAllBytes(COSIGN_DSSE.resolve("cosign-blob-slsa02-envelope.json")),
        "https://slsa.dev/provenance/v0.2",
        null);

    Verdict verdict =
        verifier.verify(
            new ImageToVerify(
                repo.toString(),
                null,
                blob.toString(),
                Files.readAllBytes(COSIGN_DSSE.resolve("cosign-blob-test.pub")),
                null,
                List.of()));

    assertThat(verdict.status()).isEqualTo(Status.FAILED);
    // the signature check passed: the layer failed on the statement type cosign wrote (v0.1 / SLSA
    // 0.2)
    assertThat(verdict.failureMessage())
        .contains("statement _type is \"https://in-toto.io/Statement/v0.1\"")
        .doesNotContain("signature(s) verifies");
  }

  @Test
  void noAttestation_missingTag_andNotAPublicKey_eachFailWithOneSentence() {
    JdkSigner signer = JdkSigner.of("p256");
    Pushed image = pushImage();

    assertThat(verify(image, signer.publicKeyPem(), List.of()).failureMessage())
        .isEqualTo(
            "tried to verify "
                + repo
                + "@"
                + image.digest()
                + " but failed because the image has no attestation ("
                + repo
                + ":"
                + image.digest().attestationTag()
                + " does not exist)");
    assertThat(verify(new Pushed("nope", null), signer.publicKeyPem(), List.of()).failureMessage())
        .isEqualTo(
            "tried to verify "
                + repo
                + ":nope but failed because the image "
                + repo
                + ":nope does not exist in its registry");
    assertThat(
            verify(
                    image,
                    "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                        .getBytes(StandardCharsets.US_ASCII),
                    List.of())
                .failureMessage())
        .startsWith(
            "tried to verify "
                + repo
                + ":"
                + image.tag()
                + " but failed because the public key is not a public key");
  }

  @Test
  void malformedDigest_isBadInput() {
    assertThatThrownBy(
            () ->
                verifier.verify(
                    new ImageToVerify(
                        repo.toString(),
                        null,
                        "sha256:nothex",
                        JdkSigner.of("p256").publicKeyPem(),
                        null,
                        List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
