package dev.cimanager.ssca.oci;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.spi.AttestationLockException;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Registries that answer what Distribution never does, scripted: the publish fails with a message
 * naming the request and the answer, records nothing as pushed, and sends nothing after the
 * failure.
 */
class AttestationPublisherUnexpectedAnswersTest {
  private static final String OTHER_DIGEST = Digest.of(new byte[] {1}).toString();

  @Test
  void publish_manifestStoredUnderAnotherDigest_failsNamingItAndMarksNothing() {
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) -> {
              switch (exchange.getRequestMethod()) {
                case "GET" -> FakeRegistry.send(exchange, 404, "");
                case "PUT" -> {
                  if (exchange.getRequestURI().getPath().contains("/manifests/")) {
                    exchange.getResponseHeaders().set("Docker-Content-Digest", OTHER_DIGEST);
                  }
                  FakeRegistry.send(exchange, 201, "");
                }
                default -> FakeRegistry.send(exchange, 201, ""); // single-request blob uploads
              }
            })) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      Digest image = TestEnvelopes.randomDigest();
      byte[] envelope = TestEnvelopes.withNewKey().provenanceEnvelope(repo, image, "odd");
      AtomicBoolean marked = new AtomicBoolean();

      assertThatThrownBy(
              () ->
                  publisher(fake)
                      .publish(
                          repo,
                          image,
                          envelope,
                          TestEnvelopes.SLSA_V1,
                          null,
                          new Outbox(() -> {}, published -> marked.set(true))))
          .isInstanceOf(RegistryException.class)
          .hasMessageStartingWith("tried to push manifest ")
          .hasMessageEndingWith(
              " as "
                  + repo
                  + ":"
                  + image.attestationTag()
                  + " but failed because the registry stored it as "
                  + OTHER_DIGEST);
      assertThat(marked).isFalse();
    }
  }

  @Test
  void publish_layerUploadRefused_failsNamingTheBlobAndWritesNoManifest() {
    RepositoryRef[] repo = new RepositoryRef[1];
    Digest image = TestEnvelopes.randomDigest();
    byte[][] envelope = new byte[1][];
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) -> {
              String query = String.valueOf(exchange.getRequestURI().getQuery());
              switch (exchange.getRequestMethod()) {
                case "GET" -> FakeRegistry.send(exchange, 404, "");
                case "POST" ->
                    // only the layer's upload is refused; the config's goes through
                    FakeRegistry.send(
                        exchange, query.contains(Digest.of(envelope[0]).hex()) ? 400 : 201, "");
                default -> FakeRegistry.send(exchange, 201, "");
              }
            })) {
      repo[0] = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      envelope[0] = TestEnvelopes.withNewKey().provenanceEnvelope(repo[0], image, "refused");

      assertThatThrownBy(
              () ->
                  publisher(fake).publish(repo[0], image, envelope[0], TestEnvelopes.SLSA_V1, null))
          .isInstanceOf(RegistryException.class)
          .hasMessage(
              "tried to push blob "
                  + Digest.of(envelope[0])
                  + " to "
                  + repo[0]
                  + " but failed because the registry answered HTTP 400");
      // the tag's read and the config's upload run beside the layer's: the manifest waits for it
      assertThat(fake.requests())
          .noneMatch(r -> r.method().equals("PUT") && r.path().contains("/manifests/"));
    }
  }

  @Test
  void publish_lockHeldTooLongBeforeTheManifest_failsAndWritesNoManifest() {
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) -> {
              switch (exchange.getRequestMethod()) {
                case "GET" -> FakeRegistry.send(exchange, 404, "");
                case "POST" -> {
                  sleep(300); // a slow registry: the lock is held longer than allowed
                  FakeRegistry.send(exchange, 201, "");
                }
                default -> FakeRegistry.send(exchange, 201, "");
              }
            })) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      Digest image = TestEnvelopes.randomDigest();
      byte[] envelope = TestEnvelopes.withNewKey().provenanceEnvelope(repo, image, "slow");
      AttestationPublisher publisher =
          new AttestationPublisher(clients(fake), new InProcessAttestationLocks(), ofMillis(100));

      assertThatThrownBy(
              () -> publisher.publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null))
          .isInstanceOf(AttestationLockException.class)
          .hasMessageContaining("before the manifest could be written");
      assertThat(fake.requests())
          .noneMatch(r -> r.method().equals("PUT") && r.path().contains("/manifests/"));
    }
  }

  @Test
  void publish_interrupted_stillWaitsForTheRecordBeforeItFails() throws Exception {
    try (FakeRegistry fake =
        new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 404, ""))) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      Digest image = TestEnvelopes.randomDigest();
      byte[] envelope = TestEnvelopes.withNewKey().provenanceEnvelope(repo, image, "stop");
      AtomicBoolean saved = new AtomicBoolean();
      AtomicBoolean savedWhenFailed = new AtomicBoolean();
      Outbox slowSave =
          new Outbox(
              () -> {
                sleep(500);
                saved.set(true);
              },
              published -> {});
      Thread publishing =
          new Thread(
              () -> {
                try {
                  publisher(fake)
                      .publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null, slowSave);
                } catch (RuntimeException e) {
                  savedWhenFailed.set(saved.get());
                }
              });
      publishing.start();
      Thread.sleep(100);
      publishing.interrupt(); // a stopped run interrupts its worker
      publishing.join(10_000);

      // a caller that marks the record after the failure must find it saved
      assertThat(savedWhenFailed).isTrue();
    }
  }

  private static void sleep(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      try {
        Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        // the registry or the store does not stop for the publisher's interrupt
      }
    }
  }

  private static RegistryClients clients(FakeRegistry fake) {
    return new RegistryClients(
        RegistryConfig.defaults().withInsecureHosts(Set.of(fake.hostPort())));
  }

  private static AttestationPublisher publisher(FakeRegistry fake) {
    return new AttestationPublisher(clients(fake), new InProcessAttestationLocks());
  }
}
