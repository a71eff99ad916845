package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real docker-registry protected by htpasswd (Basic challenges). */
@IntegrationTest
class RegistryBasicAuthTest {
  private static final TestEnvelopes KEYS = TestEnvelopes.withNewKey();
  private static LocalRegistry registry;
  private static RepositoryRef repo;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.withBasicAuth("ci", "s3cret");
    repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private static RegistryClients clients() {
    return new RegistryClients(
        RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
  }

  @Test
  void publish_rightCredentials_succeedsAndSendsThemAfterTheFirstChallenge() {
    Digest image = TestEnvelopes.randomDigest();
    RegistryClients clients = clients();

    PublishedAttestation published =
        new AttestationPublisher(clients, new InProcessAttestationLocks())
            .publish(
                repo,
                image,
                KEYS.provenanceEnvelope(repo, image, "basic"),
                TestEnvelopes.SLSA_V1,
                new Credentials("ci", "s3cret"));

    assertThat(published.layerCount()).isEqualTo(1);
    // the six requests of a publish plus the one anonymous attempt that drew the challenge
    assertThat(clients.requestsSent()).isEqualTo(7);
  }

  @Test
  void publish_wrongPassword_saysTheRegistryRefusedTheUser() {
    Digest image = TestEnvelopes.randomDigest();
    byte[] envelope = KEYS.provenanceEnvelope(repo, image, "wrong");

    assertThatThrownBy(
            () ->
                new AttestationPublisher(clients(), new InProcessAttestationLocks())
                    .publish(
                        repo,
                        image,
                        envelope,
                        TestEnvelopes.SLSA_V1,
                        new Credentials("ci", "not-it")))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "tried to push blob "
                + Digest.of(envelope)
                + " to "
                + repo
                + " but failed because registry "
                + registry.hostPort()
                + " refused the credentials of user 'ci' (HTTP 401)")
        .extracting(e -> ((RegistryException) e).statusCode())
        .isEqualTo(401);
  }

  @Test
  void pullManifest_noCredentials_saysTheRegistryNeedsThem() {
    assertThatThrownBy(() -> clients().forPull(repo, null).pullManifest("latest"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "tried to pull manifest latest from "
                + repo
                + " but failed because registry "
                + registry.hostPort()
                + " requires credentials and none were given");
  }

  @Test
  void credentials_toString_hidesThePassword() {
    assertThat(new Credentials("ci", "s3cret"))
        .hasToString("Credentials[username=ci, password=****]");
  }
}
