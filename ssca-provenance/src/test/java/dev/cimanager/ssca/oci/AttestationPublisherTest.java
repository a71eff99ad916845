package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.spi.AttestationLocks;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real docker-registry process. */
@IntegrationTest
class AttestationPublisherTest {
  private static LocalRegistry registry;
  private static RegistryClients clients;
  private static RepositoryRef repo;
  private static final TestEnvelopes KEYS = TestEnvelopes.withNewKey();
  private static final AttestationLocks LOCKS = new InProcessAttestationLocks();

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
    clients =
        new RegistryClients(
            RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
    repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void publish_freshDigest_writesCosignLayoutUnderTheAttTag() throws Exception {
    Digest image = TestEnvelopes.randomDigest();
    byte[] envelope = KEYS.provenanceEnvelope(repo, image, "first");

    PublishedAttestation published =
        new AttestationPublisher(clients, LOCKS)
            .publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null);

    assertThat(published.reference())
        .isEqualTo(registry.hostPort() + "/demo/app:sha256-" + image.hex() + ".att");
    assertThat(published.layerDigest()).isEqualTo(Digest.of(envelope));
    assertThat(published.layerCount()).isEqualTo(1);
    RegistryClient reader = clients.forPull(repo, null);
    FetchedManifest manifest = reader.pullManifest(image.attestationTag()).orElseThrow();
    assertThat(manifest.digest()).isEqualTo(published.manifestDigest());
    assertThat(manifest.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    JsonNode tree = SscaJson.read(manifest.content());
    JsonNode layer = tree.path("layers").get(0);
    assertThat(layer.path("mediaType").asText()).isEqualTo("application/vnd.dsse.envelope.v1+json");
    assertThat(layer.path("annotations").toString())
        .isEqualTo(
            "{\"dev.cosignproject.cosign/signature\":\"\",\"predicateType\":\"https://slsa.dev/provenance/v1\"}");
    assertThat(reader.pullBlob(published.layerDigest())).isEqualTo(envelope);
    byte[] config = reader.pullBlob(Digest.parse(tree.path("config").path("digest").asText()));
    assertThat(SscaJson.read(config).path("rootfs").path("diff_ids").get(0).asText())
        .isEqualTo(published.layerDigest().toString());
  }

  @Test
  void publish_secondAttestation_appendsAndKeepsTheFirstLayer() throws Exception {
    Digest image = TestEnvelopes.randomDigest();
    AttestationPublisher publisher = new AttestationPublisher(clients, LOCKS);
    PublishedAttestation first =
        publisher.publish(
            repo, image, KEYS.provenanceEnvelope(repo, image, "one"), TestEnvelopes.SLSA_V1, null);
    PublishedAttestation second =
        publisher.publish(
            repo, image, KEYS.provenanceEnvelope(repo, image, "two"), TestEnvelopes.SLSA_V1, null);

    assertThat(second.layerCount()).isEqualTo(2);
    assertThat(layerDigests(image))
        .containsExactly(first.layerDigest().toString(), second.layerDigest().toString());
    JsonNode manifest =
        SscaJson.read(
            clients
                .forPull(repo, null)
                .pullManifest(image.attestationTag())
                .orElseThrow()
                .content());
    JsonNode config =
        SscaJson.read(
            clients
                .forPull(repo, null)
                .pullBlob(Digest.parse(manifest.path("config").path("digest").asText())));
    assertThat(config.path("rootfs").path("diff_ids"))
        .extracting(JsonNode::asText)
        .containsExactly(first.layerDigest().toString(), second.layerDigest().toString());
    assertThat(config.path("history")).hasSize(2);
  }

  @Test
  void publish_sameEnvelopeTwice_doesNotDuplicateTheLayer() throws Exception {
    Digest image = TestEnvelopes.randomDigest();
    byte[] envelope = KEYS.provenanceEnvelope(repo, image, "again");
    AttestationPublisher publisher = new AttestationPublisher(clients, LOCKS);
    PublishedAttestation first =
        publisher.publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null);
    PublishedAttestation second =
        publisher.publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null);

    assertThat(second.manifestDigest()).isEqualTo(first.manifestDigest());
    assertThat(layerDigests(image)).hasSize(1);
  }

  @Test
  void publish_freshDigest_sendsSixRequests() {
    Digest image = TestEnvelopes.randomDigest();
    byte[] envelope = KEYS.provenanceEnvelope(repo, image, "count");
    RegistryClients counted =
        new RegistryClients(
            RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));

    new AttestationPublisher(counted, LOCKS)
        .publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null);

    // layer POST+PUT, manifest GET, config POST+PUT, manifest PUT: the lock, not a HEAD after the
    // PUT, keeps concurrent layers
    assertThat(counted.requestsSent()).isEqualTo(6);
  }

  @Test
  void publish_eightConcurrentPublishers_leaveEightLayers() throws Exception {
    Digest image = TestEnvelopes.randomDigest();
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PublishedAttestation>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      byte[] envelope = KEYS.provenanceEnvelope(repo, image, "writer-" + i);
      // one publisher and client pool each, sharing the locks, as CI manager replicas sharing one
      // database
      AttestationPublisher publisher =
          new AttestationPublisher(
              new RegistryClients(
                  RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort()))),
              LOCKS);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return publisher.publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null);
              }));
    }
    start.countDown();
    Set<String> published = new HashSet<>();
    for (Future<PublishedAttestation> result : results) {
      published.add(result.get(60, TimeUnit.SECONDS).layerDigest().toString());
    }
    pool.shutdown();

    assertThat(published).hasSize(writers);
    assertThat(layerDigests(image)).containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void publish_eightThreadsThroughOnePublisher_takeTurnsWithoutRedoingAnyWrite() throws Exception {
    Digest image = TestEnvelopes.randomDigest();
    RegistryClients counted =
        new RegistryClients(
            RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
    AttestationPublisher shared = new AttestationPublisher(counted, LOCKS);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PublishedAttestation>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      byte[] envelope = KEYS.provenanceEnvelope(repo, image, "thread-" + i);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return shared.publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null);
              }));
    }
    start.countDown();
    for (Future<PublishedAttestation> result : results) {
      result.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(layerDigests(image)).hasSize(8);
    // six requests each: no publish had to redo its read-modify-write
    assertThat(counted.requestsSent()).isEqualTo(8 * 6);
  }

  @Test
  void publish_result_isReadableBySkopeo() throws Exception {
    Digest image = TestEnvelopes.randomDigest();
    PublishedAttestation published =
        new AttestationPublisher(clients, LOCKS)
            .publish(
                repo,
                image,
                KEYS.provenanceEnvelope(repo, image, "skopeo"),
                TestEnvelopes.SLSA_V1,
                null);

    String raw =
        skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + published.reference());
    assertThat(Digest.of(raw.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(published.manifestDigest());
    JsonNode inspected =
        SscaJson.read(
            skopeo("inspect", "--tls-verify=false", "docker://" + published.reference())
                .getBytes(StandardCharsets.UTF_8));
    assertThat(inspected.path("Digest").asText()).isEqualTo(published.manifestDigest().toString());
    assertThat(inspected.path("Layers"))
        .extracting(JsonNode::asText)
        .containsExactly(published.layerDigest().toString());
  }

  private static List<String> layerDigests(Digest image) throws IOException {
    JsonNode tree =
        SscaJson.read(
            clients
                .forPull(repo, null)
                .pullManifest(image.attestationTag())
                .orElseThrow()
                .content());
    List<String> digests = new ArrayList<>();
    tree.path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
    return digests;
  }

  private static String skopeo(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("skopeo"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as("skopeo %s failed: %s", String.join(" ", args), err)
        .isZero();
    return out;
  }
}
