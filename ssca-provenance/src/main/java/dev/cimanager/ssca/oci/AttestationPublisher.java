package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.api.RegistryCredentials;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pushes a DSSE envelope as cosign does: one layer of the tag {@code sha256-<hex>.att} next to the
 * image, appended to the layers already there.
 *
 * <p>The Distribution API has no conditional PUT, so two writers can each read the tag and the
 * later PUT drops the earlier layer. After its PUT a publisher waits a little longer than its own
 * read-to-write window (the time another writer's stale PUT can still arrive), re-reads the tag
 * and redoes the read-modify-write if its layer is gone. The layer blob is uploaded before the read
 * to keep that window short. Publishes through one instance to the same tag also take turns (striped
 * locks), so parallel stages of one CI manager never race each other; the check is for other
 * processes.
 */
public final class AttestationPublisher {
  private static final int MAX_ROUNDS = 12;
  private static final Duration MIN_SETTLE = Duration.ofMillis(20);
  private static final Duration MAX_SETTLE = Duration.ofSeconds(2);
  private static final Duration ROUND_BACKOFF = Duration.ofMillis(25);

  private static final int LOCK_STRIPES = 256;

  private final RegistryClients clients;
  private final ReentrantLock[] tagLocks = new ReentrantLock[LOCK_STRIPES];

  public AttestationPublisher(RegistryClients clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
    for (int i = 0; i < LOCK_STRIPES; i++) {
      tagLocks[i] = new ReentrantLock();
    }
  }

  /**
   * Adds the envelope as a layer of {@code repo:sha256-<hex>.att}. Publishing an envelope that is
   * already there changes nothing.
   *
   * @param credentials null for anonymous access
   * @throws RegistryException a registry call failed (message names the call and the registry)
   * @throws AttestationConflictException concurrent writers kept dropping our layer
   */
  public PublishedAttestation publish(RepositoryRef repo, Digest imageDigest, byte[] envelopeJson, String predicateType,
      RegistryCredentials credentials) {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(imageDigest, "imageDigest");
    requireEnvelope(envelopeJson);
    if (predicateType == null || predicateType.isBlank()) {
      throw new IllegalArgumentException("predicateType must not be blank");
    }
    RegistryClient client = clients.forPush(repo, credentials);
    String tag = imageDigest.attestationTag();
    String reference = repo + ":" + tag;
    Digest layerDigest = Digest.of(envelopeJson);
    String action = "append attestation layer " + layerDigest + " to " + reference;
    JsonNode ourLayer = AttestationImage.layer(layerDigest, envelopeJson.length, predicateType);

    client.pushBlob(layerDigest, envelopeJson);
    ReentrantLock lock = tagLocks[Math.floorMod(reference.hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return appendLayer(client, tag, reference, layerDigest, ourLayer, action);
    } finally {
      lock.unlock();
    }
  }

  private PublishedAttestation appendLayer(RegistryClient client, String tag, String reference, Digest layerDigest,
      JsonNode ourLayer, String action) {
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      long readAt = System.nanoTime();
      Optional<AttestationManifest> current = client.pullManifest(tag).map(m -> AttestationManifest.parse(m, action));
      if (current.isPresent() && current.get().contains(layerDigest)) {
        return new PublishedAttestation(reference, current.get().digest(), layerDigest, current.get().layers().size());
      }
      List<JsonNode> layers = new ArrayList<>(current.map(AttestationManifest::layers).orElse(List.of()));
      layers.add(ourLayer);
      byte[] config = AttestationImage.config(layers);
      client.pushBlob(Digest.of(config), config);
      Digest pushed = client.pushManifest(tag, ManifestMediaTypes.OCI_MANIFEST, AttestationImage.manifest(config, layers));
      sleep(settleTime(Duration.ofNanos(System.nanoTime() - readAt)), action);

      if (client.manifestDigest(tag).filter(pushed::equals).isPresent()) {
        return new PublishedAttestation(reference, pushed, layerDigest, layers.size());
      }
      // someone wrote after us; their manifest may already carry our layer
      Optional<AttestationManifest> after = client.pullManifest(tag).map(m -> AttestationManifest.parse(m, action));
      if (after.isPresent() && after.get().contains(layerDigest)) {
        return new PublishedAttestation(reference, after.get().digest(), layerDigest, after.get().layers().size());
      }
      sleep(jitter(ROUND_BACKOFF.multipliedBy(round)), action);
    }
    throw new AttestationConflictException(action, "concurrent writers replaced " + reference + " without our layer "
        + MAX_ROUNDS + " times in a row; nothing refers to the layer, so publishing again is safe");
  }

  /** Long enough for a writer that read the tag just before our PUT to have written too. */
  private static Duration settleTime(Duration ourWindow) {
    Duration twice = ourWindow.multipliedBy(2);
    return twice.compareTo(MIN_SETTLE) < 0 ? MIN_SETTLE : twice.compareTo(MAX_SETTLE) > 0 ? MAX_SETTLE : twice;
  }

  private static Duration jitter(Duration upTo) {
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(upTo.toMillis() + 1));
  }

  private static void sleep(Duration d, String action) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(action, 0, "the thread was interrupted", e);
    }
  }

  private static void requireEnvelope(byte[] envelopeJson) {
    Objects.requireNonNull(envelopeJson, "envelopeJson");
    JsonNode envelope;
    try {
      envelope = OciJson.read(envelopeJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("envelopeJson is not valid JSON");
    }
    if (envelope == null || !envelope.isObject() || !envelope.hasNonNull("payloadType") || !envelope.hasNonNull("payload")
        || !envelope.path("signatures").isArray() || envelope.path("signatures").isEmpty()) {
      throw new IllegalArgumentException("envelopeJson must be a DSSE envelope with payloadType, payload and signatures");
    }
  }
}
