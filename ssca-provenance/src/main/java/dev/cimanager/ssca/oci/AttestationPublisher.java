package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.spi.AttestationLockException;
import dev.cimanager.ssca.spi.AttestationLocks;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Pushes a DSSE envelope as cosign does: one layer of the tag {@code sha256-<hex>.att} next to the
 * image, appended to the layers already there.
 *
 * <p>The Distribution API has no conditional PUT, so two writers that read the tag at once would
 * each PUT a manifest without the other's layer. Publishers therefore hold the attestation's lock
 * ({@link AttestationLocks}, shared through the host's database by every CI manager instance) from
 * the read of the tag through the manifest PUT; the lock is what keeps every layer, so nothing
 * re-reads the tag after the PUT. The lock cannot exclude writers that do not take it (a person
 * running {@code cosign attest}): one that reads before our PUT and writes after it drops our
 * layer, and only registry-side locking could rule that out (a HEAD after our PUT, as earlier
 * versions sent, narrowed that window by a round trip without closing it).
 *
 * <p>What does not depend on each other runs at once: the layer upload, the host's record of the
 * publish ({@link Outbox}) and taking the lock; then the read of the tag and the config upload,
 * still beside the layer upload and the record; only the manifest PUT waits for both (nothing
 * refers to the layer before it); after the PUT, marking the record and releasing the lock.
 */
public final class AttestationPublisher {
  /**
   * Longer than a lease ({@code MongoAttestationLocks}: 30 s), so a crashed holder's lock is taken
   * over, not waited out in vain.
   */
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(45);

  /**
   * Shorter than a lease: a publish that held the lock this long waiting for its layer upload, its
   * record or the registry does not write the manifest, because the lock may pass to another
   * instance at any moment and our PUT would drop that publisher's layer. It fails instead, and the
   * record can be re-pushed.
   */
  private static final Duration MAX_HOLD_BEFORE_MANIFEST = Duration.ofSeconds(20);

  private final RegistryClients clients;
  private final AttestationLocks locks;
  private final long maxHoldNanos;
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "attestation-publish");
            thread.setDaemon(true);
            return thread;
          });

  public AttestationPublisher(RegistryClients clients, AttestationLocks locks) {
    this(clients, locks, MAX_HOLD_BEFORE_MANIFEST);
  }

  AttestationPublisher(RegistryClients clients, AttestationLocks locks, Duration maxHold) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.locks = Objects.requireNonNull(locks, "locks");
    this.maxHoldNanos = maxHold.toNanos();
  }

  /** As {@link #publish(RepositoryRef, Digest, byte[], String, Credentials, Outbox)}. */
  public PublishedAttestation publish(
      RepositoryRef repo,
      Digest imageDigest,
      byte[] envelopeJson,
      String predicateType,
      Credentials credentials) {
    return publish(repo, imageDigest, envelopeJson, predicateType, credentials, Outbox.NONE);
  }

  /**
   * Adds the envelope as a layer of {@code repo:sha256-<hex>.att}, recording it in {@code outbox}.
   * Publishing an envelope that is already there changes nothing.
   *
   * @param credentials null for anonymous access
   * @throws RegistryException a registry call failed (message names the call and the registry)
   * @throws AttestationLockException the attestation's lock could not be taken (held by another
   *     publisher for the whole timeout, or its storage failed) or was held too long to write the
   *     manifest safely; the layer blob and the outbox's record may exist, but no manifest refers
   *     to them
   */
  public PublishedAttestation publish(
      RepositoryRef repo,
      Digest imageDigest,
      byte[] envelopeJson,
      String predicateType,
      Credentials credentials,
      Outbox outbox) {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(imageDigest, "imageDigest");
    Objects.requireNonNull(outbox, "outbox");
    requireEnvelope(envelopeJson);
    if (predicateType == null || predicateType.isBlank()) {
      throw new IllegalArgumentException("predicateType must not be blank");
    }
    RegistryClient client = clients.forPush(repo, credentials);
    String tag = imageDigest.attestationTag();
    String reference = repo + ":" + tag;
    Digest layerDigest = Digest.of(envelopeJson);
    String action = "append attestation layer " + layerDigest + " to " + reference;

    BackgroundTask recorded = BackgroundTask.start(background, outbox.beforeManifest());
    CountDownLatch firstAnswered = new CountDownLatch(1);
    BackgroundTask uploaded =
        BackgroundTask.start(
            background, () -> client.pushBlob(layerDigest, envelopeJson, firstAnswered::countDown));
    PublishedAttestation published;
    BackgroundTask marked = null;
    try (AttestationLocks.Lease lease = locks.acquire(reference, LOCK_TIMEOUT)) {
      long lockedAt = System.nanoTime();
      // the tag's read and the config's upload go beside the layer's, once its first request
      // settled any auth challenge (so it is answered once); only the manifest waits for the layer
      awaitAnswer(firstAnswered, action);
      JsonNode layer = AttestationImage.layer(layerDigest, envelopeJson.length, predicateType);
      Runnable layerAndRecord =
          () -> {
            uploaded.await();
            recorded.await();
          };
      published = appendLayer(client, tag, reference, layer, layerAndRecord, lockedAt, action);
      marked = BackgroundTask.start(background, () -> outbox.afterManifest().accept(published));
    } catch (RuntimeException e) {
      throw BackgroundTask.firstFailure(e, recorded, uploaded, marked);
    }
    marked.await();
    return published;
  }

  /**
   * The read-modify-write of the tag, under its lock. Only the manifest PUT waits for the host's
   * record: it is what makes the tag refer to the layer.
   */
  private PublishedAttestation appendLayer(
      RegistryClient client,
      String tag,
      String reference,
      JsonNode layer,
      Runnable layerAndRecord,
      long lockedAt,
      String action) {
    Digest layerDigest = Digest.parse(layer.get("digest").asText());
    Optional<AttestationManifest> current =
        client.pullManifest(tag).map(m -> AttestationManifest.parse(m, action));
    if (current.isPresent() && current.get().contains(layerDigest)) {
      layerAndRecord.run();
      return new PublishedAttestation(
          reference, current.get().digest(), layerDigest, current.get().layers().size());
    }
    List<JsonNode> layers =
        new ArrayList<>(current.map(AttestationManifest::layers).orElse(List.of()));
    layers.add(layer);
    byte[] config = AttestationImage.config(layers);
    client.pushBlob(Digest.of(config), config);
    layerAndRecord.run();
    if (System.nanoTime() - lockedAt > maxHoldNanos) {
      throw new AttestationLockException(
          "the lock on "
              + reference
              + " was held for over "
              + TimeUnit.NANOSECONDS.toSeconds(maxHoldNanos)
              + " s before the manifest could be written (a slow registry or database), so it was"
              + " not written",
          null);
    }
    Digest pushed =
        client.pushManifest(
            tag, ManifestMediaTypes.OCI_MANIFEST, AttestationImage.manifest(config, layers));
    return new PublishedAttestation(reference, pushed, layerDigest, layers.size());
  }

  private static void awaitAnswer(CountDownLatch firstAnswered, String action) {
    try {
      firstAnswered.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(action, 0, "the thread was interrupted", e);
    }
  }

  private static void requireEnvelope(byte[] envelopeJson) {
    Objects.requireNonNull(envelopeJson, "envelopeJson");
    JsonNode envelope;
    try {
      envelope = SscaJson.read(envelopeJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("envelopeJson is not valid JSON");
    }
    if (envelope == null
        || !envelope.isObject()
        || !envelope.hasNonNull("payloadType")
        || !envelope.hasNonNull("payload")
        || !envelope.path("signatures").isArray()
        || envelope.path("signatures").isEmpty()) {
      throw new IllegalArgumentException(
          "envelopeJson must be a DSSE envelope with payloadType, payload and signatures");
    }
  }
}
