package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * {@code POST /v2/<name>/blobs/uploads/?digest=<d>} with the blob as body: the spec's
 * single-request monolithic upload. A registry that supports it answers 201 and the blob is stored;
 * one that does not (CNCF Distribution 2.x) answers 202 with the upload session's Location, and the
 * blob goes there with {@link BlobUploadFinish}. Not idempotent: every POST opens a new session.
 */
final class BlobUploadStart implements RegistryCall<Optional<URI>> {
  private final RepositoryRef repository;
  private final Digest digest;
  private final byte[] content;

  BlobUploadStart(RepositoryRef repository, Digest digest, byte[] content) {
    this.repository = repository;
    this.digest = digest;
    this.content = content;
  }

  @Override
  public String description() {
    return "push blob " + digest + " to " + repository;
  }

  @Override
  public HttpRequest.Builder request(URI apiBase) {
    return HttpRequest.newBuilder(
            apiBase.resolve(repository.repository() + "/blobs/uploads/?digest=" + digest))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(content));
  }

  @Override
  public boolean idempotent() {
    return false;
  }

  /** Empty when the blob is stored; else where to PUT it. */
  @Override
  public Optional<URI> handle(HttpResponse<byte[]> response) {
    if (response.statusCode() == 201) {
      return Optional.empty();
    }
    if (response.statusCode() != 202) {
      throw unexpected(response);
    }
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new RegistryException(
                        description(),
                        202,
                        "the registry opened an upload without a Location header"));
    // Location may be relative to the registry (spec) and may already carry a query (Distribution's
    // _state)
    return Optional.of(response.uri().resolve(location));
  }
}
