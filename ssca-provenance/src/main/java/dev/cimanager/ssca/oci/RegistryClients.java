package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;

/**
 * Makes {@link RegistryClient}s that share one HTTP connection pool and one token cache. Create one
 * per application and keep it.
 */
public final class RegistryClients {
  private final RegistryConfig config;
  private final HttpClient http;
  private final RegistryAuthenticator authenticator;
  private final LongAdder requests = new LongAdder();

  public RegistryClients(RegistryConfig config) {
    this.config = config;
    // HTTP/1.1: plain-HTTP registries would otherwise get an h2c upgrade attempt on every
    // connection.
    // Redirects are followed by GuardedHttp, so that the destination guard sees each one.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(GuardedHttp.selector(config.destinationGuard()))
            .build();
    this.authenticator = new RegistryAuthenticator(http, config, Clock.systemUTC());
  }

  /** A client that may read from the repository. {@code credentials} may be null (anonymous). */
  public RegistryClient forPull(RepositoryRef repository, Credentials credentials) {
    return new RegistryClient(repository, credentials, "pull", this);
  }

  /** A client that may read from and write to the repository. {@code credentials} may be null. */
  public RegistryClient forPush(RepositoryRef repository, Credentials credentials) {
    return new RegistryClient(repository, credentials, "pull,push", this);
  }

  /** HTTP requests sent to registries so far (token requests excluded). */
  public long requestsSent() {
    return requests.sum();
  }

  RegistryConfig config() {
    return config;
  }

  HttpClient http() {
    return http;
  }

  RegistryAuthenticator authenticator() {
    return authenticator;
  }

  void countRequest() {
    requests.increment();
  }
}
