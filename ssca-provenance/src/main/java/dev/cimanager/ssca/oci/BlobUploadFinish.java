package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code PUT <upload location>&digest=<d>} with the whole blob: closes a monolithic upload. */
final class BlobUploadFinish implements RegistryCall<Void> {
  private final RepositoryRef repository;
  private final URI location;
  private final Digest digest;
  private final byte[] content;

  BlobUploadFinish(RepositoryRef repository, URI location, Digest digest, byte[] content) {
    this.repository = repository;
    this.location = location;
    this.digest = digest;
    this.content = content;
  }

  @Override
  public String description() {
    return "push blob " + digest + " to " + repository;
  }

  @Override
  public HttpRequest.Builder request(URI apiBase) {
    String separator = location.getRawQuery() == null ? "?" : "&";
    return HttpRequest.newBuilder(URI.create(location + separator + "digest=" + digest))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public Void handle(HttpResponse<byte[]> response) {
    if (response.statusCode() != 201 && response.statusCode() != 204) {
      throw unexpected(response);
    }
    return null;
  }
}
