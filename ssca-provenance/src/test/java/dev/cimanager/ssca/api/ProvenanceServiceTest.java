package dev.cimanager.ssca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.oci.AttestationPublisher;
import dev.cimanager.ssca.oci.FetchedManifest;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.signing.Envelope;
import dev.cimanager.ssca.signing.SignerCache;
import dev.cimanager.ssca.spi.AttestationLockTimeoutException;
import dev.cimanager.ssca.spi.AttestationLocks;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.FakeSecretResolver;
import dev.cimanager.ssca.spi.InMemoryProvenanceStore;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.spi.ProvenanceStore;
import dev.cimanager.ssca.spi.ProvenanceStoreException;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import dev.cimanager.ssca.verify.AttestationVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

/**
 * The facade over the real signer, a real docker-registry (basic auth) and in-memory host seams.
 */
@IntegrationTest
class ProvenanceServiceTest {
  private static final String KEYS =
      "/cosign/encrypted-keys/cosign-keystest-cosignlabel-p256-pw-hello";
  private static final SigningKeyRef KEY_REF =
      new SigningKeyRef("account.cosign_private_key", "account.cosign_password");
  private static final Credentials GOOD = new Credentials("ci", "s3cret");
  private static final Instant NOW = Instant.parse("2026-11-26T06:00:00.123Z");

  private static LocalRegistry registry;
  private static RegistryClients clients;
  private static SignerCache signers;
  private static byte[] keyFile;
  private static byte[] publicKeyPem;

  private InMemoryProvenanceStore store;
  private FakeSecretResolver secrets;
  private ProvenanceService service;
  private PushedImage image;

  @BeforeAll
  static void startRegistry() throws IOException {
    registry = LocalRegistry.withBasicAuth("ci", "s3cret");
    clients =
        new RegistryClients(
            RegistryConfig.defaults()
                .withInsecureHosts(Set.of(registry.hostPort()))
                .withRetries(1, Duration.ZERO));
    // one cache for the class: the scrypt decryption runs once, as in the application
    signers = new SignerCache();
    keyFile = resource(KEYS + ".key");
    publicKeyPem = resource(KEYS + ".derived.pub");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @BeforeEach
  void newService(TestInfo test) {
    store = new InMemoryProvenanceStore();
    secrets =
        new FakeSecretResolver()
            .file("account.cosign_private_key", keyFile, 1)
            .text("account.cosign_password", "hello", 1);
    service = serviceWith(store, new InProcessAttestationLocks());
    // a digest per test, so each test has its own .att tag
    String digest = Digest.of(test.getDisplayName().getBytes(StandardCharsets.UTF_8)).toString();
    image = new PushedImage(registry.hostPort(), "demo/app", List.of("1.0"), digest);
  }

  private ProvenanceService serviceWith(ProvenanceStore recordStore, AttestationLocks locks) {
    return new ProvenanceService(
        secrets,
        recordStore,
        signers,
        new AttestationPublisher(clients, locks),
        new AttestationVerification(
            new AttestationVerifier(clients), clients, Clock.fixed(NOW, ZoneOffset.UTC)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private ExecutionContext context() {
    return ExecutionContexts.withImage(ExecutionContexts.branchCodebase(), image);
  }

  @Test
  void attest_validKeyAndRegistry_pushesVerifiableAttestationAndMarksPushed() {
    AttestationResult result = service.attest(context(), KEY_REF, GOOD);

    String hex = image.digestHex();
    assertThat(result.attestationRef())
        .isEqualTo(registry.hostPort() + "/demo/app:sha256-" + hex + ".att");
    ProvenanceRecord record = store.findById(result.recordId()).orElseThrow();
    assertThat(record.status()).isEqualTo(ProvenanceStatus.PUSHED);
    assertThat(record.attestationRef()).isEqualTo(result.attestationRef());
    assertThat(record.executionId()).isEqualTo("exec-0001");
    assertThat(record.image()).isEqualTo(image.name());
    assertThat(record.updatedAt()).isEqualTo(NOW);

    VerificationResult verification =
        service.verify(image.name(), image.digest(), publicKeyPem, GOOD);
    assertThat(verification.verified()).isTrue();
    assertThat(verification.failures()).isEmpty();
    assertThat(verification.verifiedStatements()).hasSize(1);
    assertThat(verification.verifiedStatements().get(0)).isEqualTo(record.statement());
  }

  @Test
  void attest_keySecretReplacedWithSameVersionAndPassword_signsWithTheNewKey() throws IOException {
    service.attest(context(), KEY_REF, GOOD);
    String other = "/cosign/encrypted-keys/cosign-keystest-sigstore-p256-pw-hello";
    secrets.file("account.cosign_private_key", resource(other + ".key"), 1);

    service.attest(context(), KEY_REF, GOOD);

    VerificationResult byNewKey =
        service.verify(image.name(), image.digest(), resource(other + ".derived.pub"), GOOD);
    assertThat(byNewKey.verifiedStatements()).hasSize(1);
    assertThat(byNewKey.failures()).hasSize(1);
  }

  @Test
  void attest_validKey_storesTheExactEnvelopeItPushed() throws Exception {
    AttestationResult result = service.attest(context(), KEY_REF, GOOD);

    ProvenanceRecord record = store.findById(result.recordId()).orElseThrow();
    Envelope envelope = Envelope.fromJson(record.envelope());
    assertThat(envelope.payloadType()).isEqualTo("application/vnd.in-toto+json");
    assertThat(envelope.payload()).isEqualTo(record.statement());
    // the .att layer is the stored bytes: the blob under the envelope's digest is byte-identical
    byte[] layer =
        clients.forPull(image.repositoryRef(), GOOD).pullBlob(Digest.of(record.envelope()));
    assertThat(layer).isEqualTo(record.envelope());
  }

  @Test
  void attest_passwordSecretIsAFile_storesFailedRecordAndPushesNothing() {
    secrets.file("account.cosign_password", "hello".getBytes(StandardCharsets.UTF_8), 1);

    assertThatThrownBy(() -> service.attest(context(), KEY_REF, GOOD))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> {
              assertThat(e.stage()).isEqualTo(ProvenanceException.Stage.SECRETS);
              assertThat(e.reason()).isEqualTo(ProvenanceException.Reason.FAILED);
              assertThat(e.recordId()).isPresent();
            })
        .hasMessage(
            "tried to read the signing key secrets but failed because "
                + "account.cosign_password is a SecretFile but a text secret is required");

    ProvenanceRecord record = store.all().get(0);
    assertThat(record.status()).isEqualTo(ProvenanceStatus.FAILED);
    assertThat(record.envelope()).isNull();
    assertThat(record.failureMessage()).contains("account.cosign_password is a SecretFile");
    assertNothingPushed();
  }

  @Test
  void attest_keySecretMissing_failsNamingTheReference() {
    SigningKeyRef missing = new SigningKeyRef("org.release_key", "account.cosign_password");

    assertThatThrownBy(() -> service.attest(context(), missing, GOOD))
        .isInstanceOf(ProvenanceException.class)
        .hasMessageContaining("secret org.release_key does not exist in account acme, org default");
    assertNothingPushed();
  }

  @Test
  void attest_wrongPassword_failsAtSignNamingKeyAndPasswordReferences() {
    secrets.text("account.cosign_password", "not-hello", 2);

    assertThatThrownBy(() -> service.attest(context(), KEY_REF, GOOD))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> assertThat(e.stage()).isEqualTo(ProvenanceException.Stage.SIGN))
        .hasMessageStartingWith(
            "tried to load the signing key account.cosign_private_key with the password "
                + "account.cosign_password but failed because ")
        .hasMessageNotContaining("not-hello");
    assertThat(store.all())
        .singleElement()
        .extracting(ProvenanceRecord::status)
        .isEqualTo(ProvenanceStatus.FAILED);
    assertNothingPushed();
  }

  @Test
  void checkSigningKey_validKey_passesAndStoresNothing() {
    service.checkSigningKey(context().secretScope(), KEY_REF);

    assertThat(store.all()).isEmpty();
    assertNothingPushed();
  }

  @Test
  void checkSigningKey_badSecrets_failWithAttestsMessagesAndStoreNothing() {
    SigningKeyRef missing = new SigningKeyRef("org.release_key", "account.cosign_password");
    secrets.file("account.file_password", "hello".getBytes(StandardCharsets.UTF_8), 1);
    secrets.text("account.wrong_password", "not-hello", 1);

    assertThatThrownBy(() -> service.checkSigningKey(context().secretScope(), missing))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> assertThat(e.stage()).isEqualTo(ProvenanceException.Stage.SECRETS))
        .hasMessageContaining("secret org.release_key does not exist in account acme, org default");
    assertThatThrownBy(
            () ->
                service.checkSigningKey(
                    context().secretScope(),
                    new SigningKeyRef("account.cosign_private_key", "account.file_password")))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> assertThat(e.stage()).isEqualTo(ProvenanceException.Stage.SECRETS))
        .hasMessage(
            "tried to read the signing key secrets but failed because "
                + "account.file_password is a SecretFile but a text secret is required");
    assertThatThrownBy(
            () ->
                service.checkSigningKey(
                    context().secretScope(),
                    new SigningKeyRef("account.cosign_private_key", "account.wrong_password")))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> assertThat(e.stage()).isEqualTo(ProvenanceException.Stage.SIGN))
        .hasMessageStartingWith(
            "tried to load the signing key account.cosign_private_key with the password "
                + "account.wrong_password but failed because ")
        .hasMessageNotContaining("not-hello");
    assertThat(store.all()).isEmpty();
    assertNothingPushed();
  }

  @Test
  void attest_registryRejectsCredentials_keepsSignedRecordPushFailed() {
    Credentials wrong = new Credentials("ci", "wrong");

    ProvenanceException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProvenanceException.class, () -> service.attest(context(), KEY_REF, wrong));

    assertThat(failure.stage()).isEqualTo(ProvenanceException.Stage.PUBLISH);
    assertThat(failure.getMessage())
        .contains(registry.hostPort())
        .endsWith(
            "; the signed provenance is kept as record "
                + failure.recordId().orElseThrow()
                + " (PUSH_FAILED) and can be re-pushed")
        .doesNotContain("wrong");
    ProvenanceRecord record = store.findById(failure.recordId().orElseThrow()).orElseThrow();
    assertThat(record.status()).isEqualTo(ProvenanceStatus.PUSH_FAILED);
    assertThat(record.envelope()).isNotNull();
    assertThat(record.failureMessage()).startsWith("tried to ");
  }

  @Test
  void attest_attestationLockedByAnotherPublisher_keepsSignedRecordPushFailed() {
    List<String> lockedKeys = new ArrayList<>();
    AttestationLocks heldElsewhere =
        (key, timeout) -> {
          lockedKeys.add(key);
          throw new AttestationLockTimeoutException(key, Duration.ofSeconds(45));
        };
    String reference = registry.hostPort() + "/demo/app:sha256-" + image.digestHex() + ".att";

    assertThatThrownBy(() -> serviceWith(store, heldElsewhere).attest(context(), KEY_REF, GOOD))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> {
              assertThat(e.stage()).isEqualTo(ProvenanceException.Stage.PUBLISH);
              assertThat(store.findById(e.recordId().orElseThrow()).orElseThrow().status())
                  .isEqualTo(ProvenanceStatus.PUSH_FAILED);
            })
        .hasMessageStartingWith(
            "tried to lock "
                + reference
                + " for publishing but failed because another publisher "
                + "has held it for 45000 ms; nothing was written, so publishing again is safe");
    assertThat(lockedKeys).containsExactly(reference);
    assertNothingPushed();
  }

  @Test
  void repush_pushFailedRecord_pushesTheStoredEnvelopeAndMarksPushed() {
    String recordId =
        org.junit.jupiter.api.Assertions.assertThrows(
                ProvenanceException.class,
                () -> service.attest(context(), KEY_REF, new Credentials("ci", "wrong")))
            .recordId()
            .orElseThrow();
    byte[] stored = store.findById(recordId).orElseThrow().envelope();

    AttestationResult result = service.repush(recordId, GOOD);

    ProvenanceRecord record = store.findById(recordId).orElseThrow();
    assertThat(record.status()).isEqualTo(ProvenanceStatus.PUSHED);
    assertThat(record.failureMessage()).isNull();
    assertThat(record.envelope()).isEqualTo(stored);
    assertThat(result.attestationRef()).endsWith(":sha256-" + image.digestHex() + ".att");
    assertThat(
            service.verify(image.name(), image.digest(), publicKeyPem, GOOD).verifiedStatements())
        .singleElement()
        .isEqualTo(record.statement());
  }

  @Test
  void repush_pushedRecord_isRejectedAsNotPushFailed() {
    AttestationResult result = service.attest(context(), KEY_REF, GOOD);

    assertThatThrownBy(() -> service.repush(result.recordId(), GOOD))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> assertThat(e.reason()).isEqualTo(ProvenanceException.Reason.NOT_PUSH_FAILED))
        .hasMessage(
            "provenance record "
                + result.recordId()
                + " is PUSHED; only a PUSH_FAILED record can be re-pushed");
  }

  @Test
  void repush_unknownRecord_isRecordNotFound() {
    assertThatThrownBy(() -> service.repush("nope", GOOD))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> assertThat(e.reason()).isEqualTo(ProvenanceException.Reason.RECORD_NOT_FOUND))
        .hasMessage("there is no provenance record nope");
  }

  @Test
  void attest_twoRunsSameDigest_bothAttestationsVerify() {
    service.attest(context(), KEY_REF, GOOD);
    service.attest(run("exec-0002"), KEY_REF, GOOD);

    assertThat(
            service.verify(image.name(), image.digest(), publicKeyPem, GOOD).verifiedStatements())
        .hasSize(2);
    assertThat(store.findByDigest(image.digest())).hasSize(2);
  }

  @Test
  void attest_eightRunsOfOneDigestAtOnce_keepEveryLayerAndMarkEveryRecordPushed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AttestationResult>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ExecutionContext run = run("exec-1" + i);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return service.attest(run, KEY_REF, GOOD);
              }));
    }
    start.countDown();
    for (Future<AttestationResult> result : results) {
      result.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // no re-read after the manifest PUT: the lock alone keeps each run's layer
    assertThat(
            service.verify(image.name(), image.digest(), publicKeyPem, GOOD).verifiedStatements())
        .hasSize(8);
    assertThat(store.findByDigest(image.digest()))
        .hasSize(8)
        .allSatisfy(record -> assertThat(record.status()).isEqualTo(ProvenanceStatus.PUSHED));
  }

  @Test
  void attest_saveSlowerThanTheLayerUpload_writesTheAttOnlyOnceTheRecordIsSaved() {
    AtomicReference<Optional<FetchedManifest>> attWhenSaved = new AtomicReference<>();
    ProvenanceStore slow = Mockito.spy(store);
    Mockito.doAnswer(
            save -> {
              // time for the layer upload and, were the save not awaited, the manifest PUT (each
              // request here pays the registry's bcrypt check)
              Thread.sleep(1500);
              attWhenSaved.set(
                  clients
                      .forPull(image.repositoryRef(), GOOD)
                      .pullManifest(Digest.parse(image.digest()).attestationTag()));
              return save.callRealMethod();
            })
        .when(slow)
        .save(ArgumentMatchers.any());

    AttestationResult result =
        serviceWith(slow, new InProcessAttestationLocks()).attest(context(), KEY_REF, GOOD);

    assertThat(attWhenSaved.get()).isEmpty();
    assertThat(store.findById(result.recordId()).orElseThrow().status())
        .isEqualTo(ProvenanceStatus.PUSHED);
  }

  private ExecutionContext run(String executionId) {
    ExecutionContext first = context();
    return new ExecutionContext(
        first.accountId(),
        first.orgIdentifier(),
        first.projectIdentifier(),
        first.pipelineIdentifier(),
        executionId,
        8,
        first.trigger(),
        first.codebase(),
        first.stageIdentifier(),
        first.stepIdentifier(),
        first.build(),
        first.image(),
        first.baseImages(),
        first.builderVersions(),
        first.startedOn(),
        first.finishedOn());
  }

  @Test
  void verify_otherKey_reportsLayerFailures() throws IOException {
    service.attest(context(), KEY_REF, GOOD);
    byte[] otherKey =
        resource("/cosign/encrypted-keys/sigstore-rs-cosignlabel-p256-pw-123.derived.pub");

    VerificationResult result = service.verify(image.name(), image.digest(), otherKey, GOOD);

    assertThat(result.verified()).isFalse();
    assertThat(result.failures()).singleElement().asString().contains("signature");
  }

  @Test
  void attest_storeRejectsTheRecord_failsAtStoreAndPushesNothing() {
    ProvenanceStore failing = org.mockito.Mockito.mock(ProvenanceStore.class);
    org.mockito.Mockito.doThrow(
            new ProvenanceStoreException(
                "tried to save provenance record x but failed because " + "the database is down"))
        .when(failing)
        .save(org.mockito.ArgumentMatchers.any());
    ProvenanceService broken = serviceWith(failing, new InProcessAttestationLocks());

    assertThatThrownBy(() -> broken.attest(context(), KEY_REF, GOOD))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e -> {
              assertThat(e.stage()).isEqualTo(ProvenanceException.Stage.STORE);
              assertThat(e.recordId()).isEmpty();
            })
        .hasMessageEndingWith("the database is down; nothing was pushed");
    assertNothingPushed();
  }

  private void assertNothingPushed() {
    assertThatThrownBy(() -> service.verify(image.name(), image.digest(), publicKeyPem, GOOD))
        .isInstanceOfSatisfying(
            ProvenanceException.class,
            e ->
                assertThat(e.getCause())
                    .isInstanceOf(dev.cimanager.ssca.verify.AttestationNotFoundException.class));
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ProvenanceServiceTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing test resource " + path);
      }
      return in.readAllBytes();
    }
  }
}
