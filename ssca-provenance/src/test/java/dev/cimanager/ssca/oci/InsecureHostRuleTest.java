package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plain HTTP only for configured hosts: the real registry serves plain HTTP. */
@IntegrationTest
class InsecureHostRuleTest {
  private static LocalRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void ping_hostNotInInsecureSet_usesHttpsAndSaysHowToFixIt() {
    RepositoryRef repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");
    RegistryClients secureOnly =
        new RegistryClients(
            RegistryConfig.defaults()
                .withInsecureHosts(Set.of("127.0.0.1:1"))
                .withRetries(3, Duration.ofMillis(1)));

    assertThatThrownBy(() -> secureOnly.forPull(repo, null).ping())
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "tried to reach the Registry API of "
                + registry.hostPort()
                + " but failed because the TLS handshake with HTTPS "
                + registry.hostPort()
                + " failed")
        .hasMessageEndingWith("add " + registry.hostPort() + " to the insecure hosts");
    // a failed TLS handshake is not retried: it will fail the same way again
    assertThat(secureOnly.requestsSent()).isEqualTo(1);
  }

  @Test
  void ping_hostInInsecureSet_usesPlainHttp() {
    RepositoryRef repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");

    new RegistryClients(RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())))
        .forPull(repo, null)
        .ping();
  }
}
