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
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pushes a DSSE envelope as cosign does: one layer of the tag {@code sha256-<hex>.att} next to the
 * image, appended to the layers already there.
 *
 * <p>The Distribution API has no conditional PUT, so two writers that read the tag at once would
 * each PUT a manifest without the other's layer. Publishers therefore hold the attestation's lock
 * ({@link AttestationLocks}, shared through the host's database by every CI manager instance) from
 * the read of the tag through the manifest PUT to a HEAD that checks the tag still names what we
 * PUT. The lock cannot exclude writers that do not take it (a person running {@code cosign
 * attest}): the HEAD catches one that wrote between our PUT and our HEAD, and we then redo the
 * read-modify-write, a bounded number of times. One that read before our PUT and writes after our
 * HEAD can still drop our layer; only registry-side locking could rule that out.
 */
public final class AttestationPublisher {
  private static final int MAX_ROUNDS = 12;
  private static final Duration ROUND_BACKOFF = Duration.ofMillis(25);

  /**
   * Longer than a lease ({@code MongoAttestationLocks}: 30 s), so a crashed holder's lock is taken
   * over, not waited out in vain.
   */
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(45);

  private final RegistryClients clients;
  private final AttestationLocks locks;

  public AttestationPublisher(RegistryClients clients, AttestationLocks locks) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.locks = Objects.requireNonNull(locks, "locks");
  }

  /**
   * Adds the envelope as a layer of {@code repo:sha256-<hex>.att}. Publishing an envelope that is
   * already there changes nothing.
   *
   * @param credentials null for anonymous access
   * @throws RegistryException a registry call failed (message names the call and the registry)
   * @throws AttestationConflictException writers outside our locks kept dropping our layer
   * @throws AttestationLockException the attestation's lock could not be taken (held by another
   *     publisher for the whole timeout, or its storage failed); nothing was written but the layer
   *     blob
   */
  public PublishedAttestation publish(
      RepositoryRef repo,
      Digest imageDigest,
      byte[] envelopeJson,
      String predicateType,
      Credentials credentials) {
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
    try (AttestationLocks.Lease lease = locks.acquire(reference, LOCK_TIMEOUT)) {
      return appendLayer(client, tag, reference, layerDigest, ourLayer, action);
    }
  }

  private PublishedAttestation appendLayer(
      RegistryClient client,
      String tag,
      String reference,
      Digest layerDigest,
      JsonNode ourLayer,
      String action) {
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      Optional<AttestationManifest> current =
          client.pullManifest(tag).map(m -> AttestationManifest.parse(m, action));
      if (current.isPresent() && current.get().contains(layerDigest)) {
        return new PublishedAttestation(
            reference, current.get().digest(), layerDigest, current.get().layers().size());
      }
      List<JsonNode> layers =
          new ArrayList<>(current.map(AttestationManifest::layers).orElse(List.of()));
      layers.add(ourLayer);
      byte[] config = AttestationImage.config(layers);
      client.pushBlob(Digest.of(config), config);
      Digest pushed =
          client.pushManifest(
              tag, ManifestMediaTypes.OCI_MANIFEST, AttestationImage.manifest(config, layers));
      if (client.manifestDigest(tag).filter(pushed::equals).isPresent()) {
        return new PublishedAttestation(reference, pushed, layerDigest, layers.size());
      }
      // a writer outside our locks wrote after us; their manifest may already carry our layer
      Optional<AttestationManifest> after =
          client.pullManifest(tag).map(m -> AttestationManifest.parse(m, action));
      if (after.isPresent() && after.get().contains(layerDigest)) {
        return new PublishedAttestation(
            reference, after.get().digest(), layerDigest, after.get().layers().size());
      }
      sleep(jitter(ROUND_BACKOFF.multipliedBy(round)), action);
    }
    throw new AttestationConflictException(
        action,
        "concurrent writers replaced "
            + reference
            + " without our layer "
            + MAX_ROUNDS
            + " times in a row; nothing refers to the layer, so publishing again is safe");
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
