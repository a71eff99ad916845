package dev.cimanager.ssca.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.ssca.oci.AttestationPublisher;
import dev.cimanager.ssca.oci.PublishedAttestation;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.TestEnvelopes;
import dev.cimanager.ssca.spi.AttestationLocks;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import dev.cimanager.ssca.verify.AttestationVerifier;
import dev.cimanager.ssca.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Publishers in separate "instances" (own publisher, own registry client pool) that share only the
 * database, as CI manager replicas do, appending to one {@code .att} on a real docker-registry.
 */
@IntegrationTest
class MongoLockedPublishTest {
  @Test
  void publish_eightPublishersSharingMongoLocks_leaveEightVerifiableLayers() throws Exception {
    TestEnvelopes keys = TestEnvelopes.withNewKey();
    try (LocalRegistry registry = LocalRegistry.start();
        TestMongo mongo = TestMongo.inMemory()) {
      RepositoryRef repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");
      Digest image = TestEnvelopes.randomDigest();
      List<AttestationLocks> instances =
          List.of(
              new MongoAttestationLocks(mongo.database()),
              new MongoAttestationLocks(mongo.database()));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PublishedAttestation>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        byte[] envelope = keys.provenanceEnvelope(repo, image, "instance-" + i);
        AttestationPublisher publisher =
            new AttestationPublisher(clients(registry), instances.get(i % 2));
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return publisher.publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null);
                }));
      }
      start.countDown();
      List<String> published = new ArrayList<>();
      for (Future<PublishedAttestation> result : results) {
        published.add(result.get(120, TimeUnit.SECONDS).layerDigest().toString());
      }
      pool.shutdown();

      VerificationReport report =
          new AttestationVerifier(clients(registry)).verify(repo, image, keys.publicKey(), null);
      assertThat(report.failures()).isEmpty();
      assertThat(report.verified())
          .extracting(v -> v.layerDigest().toString())
          .containsExactlyInAnyOrderElementsOf(published);
      assertThat(mongo.database().getCollection(MongoAttestationLocks.COLLECTION).countDocuments())
          .isZero();
    }
  }

  private static RegistryClients clients(LocalRegistry registry) {
    return new RegistryClients(
        RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
  }
}
