package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.DestinationGuard;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the registry client talks to registries.
 *
 * @param insecureHosts {@code host:port} entries reached over plain HTTP; every other host uses
 *     HTTPS
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time allowed for one request until its response headers arrive
 * @param maxAttempts attempts for an idempotent request on 429, 5xx or a connection error (1 = no
 *     retry)
 * @param initialBackoff wait before the second attempt; doubles for each further attempt
 * @param destinationGuard checked before each request and each redirect it follows
 */
public record RegistryConfig(
    Set<String> insecureHosts,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    DestinationGuard destinationGuard) {

  public RegistryConfig(
      Set<String> insecureHosts,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxAttempts,
      Duration initialBackoff) {
    this(
        insecureHosts,
        connectTimeout,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        DestinationGuard.NONE);
  }

  public RegistryConfig {
    insecureHosts = Set.copyOf(Objects.requireNonNull(insecureHosts, "insecureHosts"));
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(destinationGuard, "destinationGuard");
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must not be negative");
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException(
          "maxAttempts must be between 1 and 10, got " + maxAttempts);
    }
  }

  /** HTTPS everywhere, 5 s connect, 30 s per request, 4 attempts starting at 200 ms. */
  public static RegistryConfig defaults() {
    return new RegistryConfig(
        Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(30), 4, Duration.ofMillis(200));
  }

  public RegistryConfig withInsecureHosts(Set<String> hosts) {
    return new RegistryConfig(
        hosts, connectTimeout, requestTimeout, maxAttempts, initialBackoff, destinationGuard);
  }

  public RegistryConfig withDestinationGuard(DestinationGuard guard) {
    return new RegistryConfig(
        insecureHosts, connectTimeout, requestTimeout, maxAttempts, initialBackoff, guard);
  }

  public RegistryConfig withRetries(int attempts, Duration backoff) {
    return new RegistryConfig(
        insecureHosts, connectTimeout, requestTimeout, attempts, backoff, destinationGuard);
  }

  boolean isInsecure(String hostPort) {
    return insecureHosts.contains(hostPort);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
