package dev.cimanager.ssca.api;

import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.api.ProvenanceException.Stage;
import dev.cimanager.ssca.oci.AttestationPublisher;
import dev.cimanager.ssca.oci.Outbox;
import dev.cimanager.ssca.oci.PublishedAttestation;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.RegistryException;
import dev.cimanager.ssca.provenance.ProvenanceJson;
import dev.cimanager.ssca.provenance.ProvenancePredicate;
import dev.cimanager.ssca.signing.DsseSigner;
import dev.cimanager.ssca.signing.Envelope;
import dev.cimanager.ssca.signing.KeyLoadingException;
import dev.cimanager.ssca.signing.Signer;
import dev.cimanager.ssca.signing.SignerCache;
import dev.cimanager.ssca.signing.SigningKeys;
import dev.cimanager.ssca.spi.AttestationLockException;
import dev.cimanager.ssca.spi.AttestationLocks;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.DestinationGuard;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.spi.ProvenanceStore;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.spi.ResolvedSecret;
import dev.cimanager.ssca.spi.SecretResolutionException;
import dev.cimanager.ssca.spi.SecretResolver;
import dev.cimanager.ssca.spi.SecretScope;
import dev.cimanager.ssca.verify.AttestationVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The SSCA module's facade: the one class the host calls. Runs the attestation flow as stages
 * (predicate -> statement -> sign -> store -> publish) and wraps each stage's failure in a {@link
 * ProvenanceException} naming that stage.
 *
 * <p>Outcomes, as the Artifacts tab shows them:
 *
 * <ul>
 *   <li>signed, stored, pushed: a PUSHED record;
 *   <li>secret, key or signing failure: a FAILED record with the reason and no envelope, nothing
 *       pushed (so the image still appears on the Artifacts tab, saying why it has no provenance);
 *   <li>push failure: the signed record stays, PUSH_FAILED with the reason, and {@link #repush}
 *       pushes its exact envelope bytes later.
 * </ul>
 *
 * The record is saved before the {@code .att} refers to the envelope (while the layer uploads): the
 * store is the push's outbox, so nothing signed is lost.
 */
public final class ProvenanceService {
  private final SecretResolver secrets;
  private final ProvenanceStore store;
  private final SignerCache signers;
  private final AttestationPublisher publisher;
  private final AttestationVerification verification;
  private final Clock clock;
  private final PredicateBuilder predicates;
  private final StatementBuilder statements = new StatementBuilder();

  ProvenanceService(
      SecretResolver secrets,
      ProvenanceStore store,
      SignerCache signers,
      AttestationPublisher publisher,
      AttestationVerification verification,
      Clock clock) {
    this(secrets, store, signers, publisher, verification, clock, BuilderIdentity.DEFAULT);
  }

  ProvenanceService(
      SecretResolver secrets,
      ProvenanceStore store,
      SignerCache signers,
      AttestationPublisher publisher,
      AttestationVerification verification,
      Clock clock,
      BuilderIdentity identity) {
    this.predicates = new PredicateBuilder(identity);
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.store = Objects.requireNonNull(store, "store");
    this.signers = Objects.requireNonNull(signers, "signers");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.verification = Objects.requireNonNull(verification, "verification");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The service for the host's secrets, store and locks. Make one per application: it holds the
   * registry connection pool and the cache of decrypted keys.
   *
   * @param locks shared by every instance that may publish to the same registries (the host's
   *     database), so their {@code .att} read-modify-writes take turns
   * @param insecureRegistries {@code host:port} entries reached over plain HTTP
   */
  public static ProvenanceService create(
      SecretResolver secrets,
      ProvenanceStore store,
      AttestationLocks locks,
      Set<String> insecureRegistries,
      Clock clock) {
    return create(secrets, store, locks, insecureRegistries, clock, BuilderIdentity.DEFAULT);
  }

  /**
   * As {@link #create(SecretResolver, ProvenanceStore, AttestationLocks, Set, Clock)}, stating
   * {@code identity}.
   */
  public static ProvenanceService create(
      SecretResolver secrets,
      ProvenanceStore store,
      AttestationLocks locks,
      Set<String> insecureRegistries,
      Clock clock,
      BuilderIdentity identity) {
    return create(
        secrets, store, locks, insecureRegistries, DestinationGuard.NONE, clock, identity);
  }

  /**
   * As {@link #create(SecretResolver, ProvenanceStore, AttestationLocks, Set, Clock,
   * BuilderIdentity)}, with every registry request (redirects included) checked by {@code guard}
   * first.
   */
  public static ProvenanceService create(
      SecretResolver secrets,
      ProvenanceStore store,
      AttestationLocks locks,
      Set<String> insecureRegistries,
      DestinationGuard guard,
      Clock clock,
      BuilderIdentity identity) {
    RegistryClients clients =
        new RegistryClients(
            RegistryConfig.defaults()
                .withInsecureHosts(insecureRegistries)
                .withDestinationGuard(guard));
    return new ProvenanceService(
        secrets,
        store,
        new SignerCache(),
        new AttestationPublisher(clients, locks),
        new AttestationVerification(new AttestationVerifier(clients), clients, clock),
        clock,
        identity);
  }

  /**
   * Generates, signs, stores and pushes the SLSA provenance of the image {@code ctx} pushed.
   *
   * @param registryCredentials for the image's registry; null for anonymous access
   * @throws ProvenanceException naming the failed stage; {@link ProvenanceException#recordId()} is
   *     the FAILED or PUSH_FAILED record it left, if any
   */
  public AttestationResult attest(
      ExecutionContext ctx, SigningKeyRef keyRef, Credentials registryCredentials) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(keyRef, "keyRef");
    String recordId = UUID.randomUUID().toString();
    byte[] statement = statement(ctx);
    byte[] envelope;
    try {
      envelope = sign(ctx.secretScope(), keyRef, statement);
    } catch (ProvenanceException e) {
      throw saveFailed(ctx, recordId, statement, e);
    }
    ProvenanceRecord pending =
        record(ctx, recordId, statement, envelope, ProvenanceStatus.PENDING, null);
    return publish(pending, ctx.image().repositoryRef(), registryCredentials, () -> save(pending));
  }

  /**
   * Pushes a PUSH_FAILED record's stored envelope again, byte for byte. A PENDING record (its push
   * never finished) may be re-pushed too: pushing an envelope already in the {@code .att} changes
   * nothing.
   *
   * @throws ProvenanceException with reason {@code RECORD_NOT_FOUND} or {@code NOT_PUSH_FAILED}, or
   *     {@code FAILED} at stage {@code PUBLISH} when the push fails again (the record stays
   *     PUSH_FAILED)
   */
  public AttestationResult repush(String recordId, Credentials registryCredentials) {
    ProvenanceRecord record =
        store
            .findById(recordId)
            .orElseThrow(
                () ->
                    new ProvenanceException(
                        Stage.STORE,
                        ProvenanceException.Reason.RECORD_NOT_FOUND,
                        null,
                        "there is no provenance record " + recordId,
                        null));
    if (record.status() != ProvenanceStatus.PUSH_FAILED
        && record.status() != ProvenanceStatus.PENDING) {
      throw new ProvenanceException(
          Stage.PUBLISH,
          ProvenanceException.Reason.NOT_PUSH_FAILED,
          recordId,
          "provenance record "
              + recordId
              + " is "
              + record.status()
              + "; only a PUSH_FAILED record can be re-pushed",
          null);
    }
    return publish(record, RepositoryRef.parse(record.image()), registryCredentials, () -> {});
  }

  /**
   * Verifies the image's attestations with {@code publicKeyPem}; see {@link
   * AttestationVerification#verify}.
   */
  public VerificationResult verify(
      String image, String digest, byte[] publicKeyPem, Credentials credentials) {
    return verification.verify(image, digest, publicKeyPem, credentials);
  }

  /**
   * The SLSA Verification step's check; see {@link AttestationVerification#verify(ImageToVerify)}.
   */
  public Verdict verify(ImageToVerify request) {
    return verification.verify(request);
  }

  private byte[] statement(ExecutionContext ctx) {
    try {
      ProvenancePredicate predicate = predicates.build(ctx);
      return ProvenanceJson.toBytes(statements.build(ctx.image(), predicate));
    } catch (RuntimeException e) {
      throw ProvenanceException.failed(
          Stage.PREDICATE,
          null,
          "tried to build the SLSA provenance of "
              + imageAt(ctx.image())
              + " but failed because "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Checks, before anything is built or pushed, that {@link #attest} could sign with {@code
   * keyRef}: resolves both secrets and loads the key. The loaded key is cached, so the later attest
   * does not pay for it again. Stores nothing.
   *
   * @throws ProvenanceException stage SECRETS or SIGN, with the message attest would give
   */
  public void checkSigningKey(SecretScope scope, SigningKeyRef keyRef) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(keyRef, "keyRef");
    signer(scope, keyRef);
  }

  private byte[] sign(SecretScope scope, SigningKeyRef keyRef, byte[] statement) {
    Signer signer = signer(scope, keyRef);
    try {
      return new DsseSigner(signer).sign(Envelope.IN_TOTO_PAYLOAD_TYPE, statement).toJson();
    } catch (RuntimeException e) {
      throw ProvenanceException.failed(
          Stage.SIGN,
          null,
          "tried to sign the provenance with the key "
              + keyRef.privateKey()
              + " but failed because "
              + e.getMessage(),
          e);
    }
  }

  private Signer signer(SecretScope scope, SigningKeyRef keyRef) {
    ResolvedSecret keyFile;
    ResolvedSecret password;
    try {
      keyFile = secrets.resolveFile(scope, keyRef.privateKey());
      password = secrets.resolveText(scope, keyRef.password());
    } catch (SecretResolutionException e) {
      throw ProvenanceException.failed(
          Stage.SECRETS,
          null,
          "tried to read the signing key secrets but failed because " + e.getMessage(),
          e);
    }
    try {
      byte[] passwordBytes = password.value();
      // the same reference names different secrets in different accounts, orgs and projects
      String qualifiedRef =
          scope.accountId()
              + "/"
              + scope.orgIdentifier()
              + "/"
              + scope.projectIdentifier()
              + "/"
              + keyRef.privateKey();
      // the content digest keeps a deleted and re-created secret (its version restarts at 1) from
      // reaching the old key's cached signer
      String revision = keyFile.version() + ":" + Digest.of(keyFile.value()).hex();
      return signers.get(
          signers.key(qualifiedRef, revision, passwordBytes),
          () -> SigningKeys.load(keyFile.value(), passwordBytes));
    } catch (KeyLoadingException e) {
      throw ProvenanceException.failed(
          Stage.SIGN,
          null,
          "tried to load the signing key "
              + keyRef.privateKey()
              + " with the password "
              + keyRef.password()
              + " but failed because "
              + e.getMessage(),
          e);
    }
  }

  private void save(ProvenanceRecord pending) {
    try {
      store.save(pending);
    } catch (RuntimeException e) {
      throw ProvenanceException.failed(
          Stage.STORE,
          null,
          "tried to store the signed provenance of "
              + pending.image()
              + "@"
              + pending.digest()
              + " but failed because "
              + e.getMessage()
              + "; nothing was pushed",
          e);
    }
  }

  /**
   * @param save the record's save, for a new record: the publisher writes the {@code .att} only
   *     after it returned (the outbox), and runs it while the layer uploads
   */
  private AttestationResult publish(
      ProvenanceRecord record, RepositoryRef repo, Credentials credentials, Runnable save) {
    PublishedAttestation published;
    try {
      published =
          publisher.publish(
              repo,
              Digest.parse(record.digest()),
              record.envelope(),
              record.predicateType(),
              credentials,
              new Outbox(save, pushed -> markPushed(record, pushed)));
    } catch (RegistryException | AttestationLockException e) {
      String reason = e.getMessage();
      try {
        store.markPushFailed(record.id(), reason, clock.instant());
      } catch (RuntimeException storeFailure) {
        e.addSuppressed(storeFailure);
      }
      throw ProvenanceException.failed(
          Stage.PUBLISH,
          record.id(),
          reason
              + "; the signed provenance is kept as "
              + "record "
              + record.id()
              + " (PUSH_FAILED) and can be re-pushed",
          e);
    }
    return new AttestationResult(
        record.id(),
        record.image(),
        record.digest(),
        published.reference(),
        published.manifestDigest().toString());
  }

  private void markPushed(ProvenanceRecord record, PublishedAttestation published) {
    try {
      store.markPushed(record.id(), published.reference(), clock.instant());
    } catch (RuntimeException e) {
      throw ProvenanceException.failed(
          Stage.STORE,
          record.id(),
          "pushed the attestation to "
              + published.reference()
              + " but failed to mark record "
              + record.id()
              + " PUSHED because "
              + e.getMessage()
              + "; re-pushing the record fixes it",
          e);
    }
  }

  /**
   * Records the failure so the image shows on the Artifacts tab with the reason; returns what to
   * throw.
   */
  private ProvenanceException saveFailed(
      ExecutionContext ctx, String recordId, byte[] statement, ProvenanceException failure) {
    try {
      store.save(
          record(ctx, recordId, statement, null, ProvenanceStatus.FAILED, failure.getMessage()));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      return failure;
    }
    return failure.withRecordId(recordId);
  }

  private ProvenanceRecord record(
      ExecutionContext ctx,
      String id,
      byte[] statement,
      byte[] envelope,
      ProvenanceStatus status,
      String failureMessage) {
    PushedImage image = ctx.image();
    Instant now = clock.instant();
    return new ProvenanceRecord(
        id,
        ctx.accountId(),
        ctx.orgIdentifier(),
        ctx.projectIdentifier(),
        ctx.pipelineIdentifier(),
        ctx.executionId(),
        ctx.stageIdentifier(),
        ctx.stepIdentifier(),
        image.name(),
        image.tags(),
        image.digest(),
        ProvenancePredicate.PREDICATE_TYPE,
        statement,
        envelope,
        status,
        null,
        failureMessage,
        now,
        now);
  }

  private static String imageAt(PushedImage image) {
    return image.name() + "@" + image.digest();
  }
}
