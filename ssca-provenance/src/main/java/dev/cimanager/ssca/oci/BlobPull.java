package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code GET /v2/<name>/blobs/<digest>}, checking that the bytes match the digest. */
final class BlobPull implements RegistryCall<byte[]> {
  private final RepositoryRef repository;
  private final Digest digest;

  BlobPull(RepositoryRef repository, Digest digest) {
    this.repository = repository;
    this.digest = digest;
  }

  @Override
  public String description() {
    return "pull blob " + digest + " from " + repository;
  }

  @Override
  public HttpRequest.Builder request(URI apiBase) {
    return HttpRequest.newBuilder(apiBase.resolve(repository.repository() + "/blobs/" + digest))
        .GET();
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public byte[] handle(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    Digest actual = Digest.of(response.body());
    if (!actual.equals(digest)) {
      throw new RegistryException(
          description(), 200, "the registry served content with digest " + actual);
    }
    return response.body();
  }
}
