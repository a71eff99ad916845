package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void publish_layerUploadRefused_failsNamingTheBlobAndSendsNothingElse() {
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) -> {
              if (exchange.getRequestMethod().equals("POST")) {
                FakeRegistry.send(exchange, 400, "");
              } else {
                FakeRegistry.send(exchange, 404, "");
              }
            })) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      Digest image = TestEnvelopes.randomDigest();
      byte[] envelope = TestEnvelopes.withNewKey().provenanceEnvelope(repo, image, "refused");

      assertThatThrownBy(
              () -> publisher(fake).publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null))
          .isInstanceOf(RegistryException.class)
          .hasMessage(
              "tried to push blob "
                  + Digest.of(envelope)
                  + " to "
                  + repo
                  + " but failed because the registry answered HTTP 400");
      // the read of the tag waits for the upload, so the failed upload is the only request
      assertThat(fake.requests()).extracting(FakeRegistry.Request::method).containsExactly("POST");
    }
  }

  private static AttestationPublisher publisher(FakeRegistry fake) {
    return new AttestationPublisher(
        new RegistryClients(RegistryConfig.defaults().withInsecureHosts(Set.of(fake.hostPort()))),
        new InProcessAttestationLocks());
  }
}
