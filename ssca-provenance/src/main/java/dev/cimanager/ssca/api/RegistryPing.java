package dev.cimanager.ssca.api;

import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.RegistryException;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.DestinationGuard;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.time.Duration;
import java.util.Set;

/**
 * Whether a registry answers its API root ({@code GET /v2/}) and accepts the credentials, answering
 * its Basic or Bearer challenge as a push would: what "Test connection" asks. Each ping uses a
 * fresh client, so no token cached by an earlier call can stand in for the credentials, and makes
 * one attempt, so it answers within one request timeout.
 */
public final class RegistryPing {
  /** Any valid repository: {@code GET /v2/} names none, but a Bearer token is asked for a scope. */
  private static final String PROBE_REPOSITORY = "library/connection-test";

  private RegistryPing() {}

  /**
   * The registry's answer.
   *
   * @param status the HTTP status that ended the ping: 200 when accepted, 0 when no answer arrived
   *     (then {@code failure} says why), 200 with a failure when the token service gave no usable
   *     token
   * @param failure why the ping failed, or null; its causes hold the network failure or the {@link
   *     dev.cimanager.ssca.spi.DestinationRefusedException}
   */
  public record Answer(int status, Throwable failure) {
    public boolean accepted() {
      return failure == null;
    }
  }

  /**
   * Pings {@code hostPort}.
   *
   * @param credentials null for an anonymous ping
   * @throws IllegalArgumentException {@code hostPort} is not a registry address
   */
  public static Answer ping(
      String hostPort,
      boolean plainHttp,
      Credentials credentials,
      Duration timeout,
      DestinationGuard guard) {
    RegistryConfig config =
        new RegistryConfig(
            plainHttp ? Set.of(hostPort) : Set.of(), timeout, timeout, 1, Duration.ZERO, guard);
    try {
      new RegistryClients(config)
          .forPull(new RepositoryRef(hostPort, PROBE_REPOSITORY), credentials)
          .ping();
      return new Answer(200, null);
    } catch (RegistryException e) {
      return new Answer(e.statusCode(), e);
    }
  }
}
