package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A registry where another writer always wins: the tag never keeps our manifest. The real registry
 * cannot be made to lose every race on purpose, so this one is scripted. It also accepts
 * single-request blob uploads (POST with {@code ?digest=} answered 201), which Distribution 2.8
 * does not.
 */
class AttestationPublisherConflictTest {
  private static final String OTHER_MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[]}";

  @Test
  void publish_tagAlwaysOverwrittenWithoutOurLayer_throwsConflictAfterBoundedRounds() {
    String otherDigest = Digest.of(OTHER_MANIFEST.getBytes()).toString();
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) -> {
              switch (exchange.getRequestMethod()) {
                case "POST" -> FakeRegistry.send(exchange, 201, "");
                case "PUT" -> FakeRegistry.send(exchange, 201, "");
                case "HEAD" -> {
                  exchange.getResponseHeaders().set("Docker-Content-Digest", otherDigest);
                  exchange.sendResponseHeaders(200, -1);
                }
                default -> {
                  exchange
                      .getResponseHeaders()
                      .set("Content-Type", "application/vnd.oci.image.manifest.v1+json");
                  FakeRegistry.send(exchange, 200, OTHER_MANIFEST);
                }
              }
            })) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      Digest image = TestEnvelopes.randomDigest();
      byte[] envelope = TestEnvelopes.withNewKey().provenanceEnvelope(repo, image, "loser");
      AttestationPublisher publisher =
          new AttestationPublisher(
              new RegistryClients(
                  RegistryConfig.defaults().withInsecureHosts(Set.of(fake.hostPort()))),
              new InProcessAttestationLocks());

      assertThatThrownBy(
              () -> publisher.publish(repo, image, envelope, TestEnvelopes.SLSA_V1, null))
          .isInstanceOf(AttestationConflictException.class)
          .hasMessage(
              "tried to append attestation layer "
                  + Digest.of(envelope)
                  + " to "
                  + repo
                  + ":"
                  + image.attestationTag()
                  + " but failed because concurrent writers replaced "
                  + repo
                  + ":"
                  + image.attestationTag()
                  + " without our layer 12 times in a row; nothing refers to the layer, so publishing again is safe");
      // the layer once (single POST), then per round: GET, config POST, manifest PUT, HEAD, GET
      assertThat(fake.requests()).hasSize(1 + 12 * 5);
      assertThat(fake.count("POST", "/v2/demo/app/blobs/uploads/")).isEqualTo(1 + 12);
    }
  }
}
