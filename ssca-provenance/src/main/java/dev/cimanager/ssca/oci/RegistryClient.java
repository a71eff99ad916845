package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.DestinationRefusedException;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * The Registry API calls for one repository with one set of credentials. Runs each {@link
 * RegistryCall}: answers an authentication challenge once, retries idempotent calls on 429, 5xx and
 * connection errors with exponential backoff, and turns refused credentials into a {@link
 * RegistryException} naming the registry. Thread-safe.
 */
public final class RegistryClient {
  private final RepositoryRef repository;
  private final Credentials credentials;
  private final String scope;
  private final RegistryClients shared;
  private final URI apiBase;

  RegistryClient(
      RepositoryRef repository, Credentials credentials, String actions, RegistryClients shared) {
    this.repository = repository;
    this.credentials = credentials;
    this.scope = "repository:" + repository.repository() + ":" + actions;
    this.shared = shared;
    String host = repository.apiHost();
    this.apiBase =
        URI.create((shared.config().isInsecure(host) ? "http://" : "https://") + host + "/v2/");
  }

  public RepositoryRef repository() {
    return repository;
  }

  /**
   * {@code GET /v2/}: fails with a {@link RegistryException} unless the registry answers and
   * accepts us.
   */
  public void ping() {
    execute(new ApiPing(repository.registry()));
  }

  /** The manifest a tag or digest names, or empty when the registry has none (404). */
  public Optional<FetchedManifest> pullManifest(String reference) {
    return execute(new ManifestPull(repository, reference));
  }

  /** The digest a tag points at now (a HEAD request), or empty when there is no such tag. */
  public Optional<Digest> manifestDigest(String reference) {
    return execute(new ManifestCheck(repository, reference));
  }

  /** Stores the manifest under the tag; returns its digest. */
  public Digest pushManifest(String tag, String mediaType, byte[] content) {
    return execute(new ManifestPush(repository, tag, mediaType, content));
  }

  /** Uploads a blob in one POST when the registry supports it, else POST then PUT. */
  public void pushBlob(Digest digest, byte[] content) {
    pushBlob(digest, content, () -> {});
  }

  /**
   * As {@link #pushBlob(Digest, byte[])}; {@code firstAnswered} runs once the upload's first
   * request has its answer (or failed), when any auth challenge it drew is settled for later
   * requests.
   */
  public void pushBlob(Digest digest, byte[] content, Runnable firstAnswered) {
    Optional<URI> session;
    try {
      session = execute(new BlobUploadStart(repository, digest, content));
    } finally {
      firstAnswered.run();
    }
    session.ifPresent(
        location -> execute(new BlobUploadFinish(repository, location, digest, content)));
  }

  public byte[] pullBlob(Digest digest) {
    return execute(new BlobPull(repository, digest));
  }

  private <T> T execute(RegistryCall<T> call) {
    RegistryAuthenticator auth = shared.authenticator();
    String registry = repository.registry();
    boolean challengeAnswered = false;
    int attempt = 1;
    while (true) {
      HttpRequest.Builder request = call.request(apiBase).timeout(shared.config().requestTimeout());
      Optional<String> authorization = auth.cached(registry, scope, credentials);
      authorization.ifPresent(value -> request.header("Authorization", value));
      HttpResponse<byte[]> response;
      try {
        shared.countRequest();
        response = GuardedHttp.send(shared.http(), request.build());
      } catch (IOException e) {
        DestinationRefusedException refused = DestinationRefusedException.in(e);
        if (refused != null) {
          throw new RegistryException(call.description(), 0, refused.getMessage(), e);
        }
        BoundedBody.TooLargeException tooLarge = BoundedBody.TooLargeException.in(e);
        if (tooLarge != null) {
          throw new RegistryException(call.description(), 0, tooLarge.getMessage(), e);
        }
        if (call.idempotent()
            && attempt < shared.config().maxAttempts()
            && !(e instanceof SSLException)) {
          backoff(attempt++, call);
          continue;
        }
        throw new RegistryException(call.description(), 0, connectionFailure(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(call.description(), 0, "the thread was interrupted", e);
      }
      int status = response.statusCode();
      if (status == 401 && !challengeAnswered) {
        Optional<AuthChallenge> challenge =
            AuthChallenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(null));
        if (challenge.isPresent()) {
          auth.forget(registry, scope, credentials);
          auth.answer(challenge.get(), registry, scope, credentials, call.description());
          challengeAnswered = true;
          continue;
        }
      }
      if (status == 401 || status == 403) {
        throw new RegistryException(
            call.description(),
            status,
            credentials == null
                ? "registry "
                    + registry
                    + " refused anonymous access (HTTP "
                    + status
                    + "); configure credentials for it"
                : "registry "
                    + registry
                    + " refused the credentials of user '"
                    + credentials.username()
                    + "' (HTTP "
                    + status
                    + ")");
      }
      if ((status == 429 || status >= 500)
          && call.idempotent()
          && attempt < shared.config().maxAttempts()) {
        backoff(attempt++, call);
        continue;
      }
      return call.handle(response);
    }
  }

  private String connectionFailure(IOException e) {
    String target = apiBase.getScheme().toUpperCase() + " " + repository.apiHost();
    if (e instanceof SSLException) {
      return "the TLS handshake with "
          + target
          + " failed ("
          + e.getMessage()
          + "); if the registry serves plain HTTP,"
          + " add "
          + repository.apiHost()
          + " to the insecure hosts";
    }
    if (e instanceof HttpTimeoutException) {
      return target + " did not answer in time (" + e.getMessage() + ")";
    }
    return target + " could not be reached (" + e + ")";
  }

  private void backoff(int attempt, RegistryCall<?> call) {
    long base = shared.config().initialBackoff().toMillis() << (attempt - 1);
    // full jitter: concurrent clients that failed together do not retry together
    long sleep = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    try {
      Thread.sleep(sleep);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(
          call.description(), 0, "the thread was interrupted while waiting to retry", e);
    }
  }
}
