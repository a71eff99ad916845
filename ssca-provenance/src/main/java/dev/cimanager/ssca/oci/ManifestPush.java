package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code PUT /v2/<name>/manifests/<tag>} with the manifest's media type as Content-Type. */
final class ManifestPush implements RegistryCall<Digest> {
  private final RepositoryRef repository;
  private final String tag;
  private final String mediaType;
  private final byte[] content;
  private final Digest digest;

  ManifestPush(RepositoryRef repository, String tag, String mediaType, byte[] content) {
    this.repository = repository;
    this.tag = tag;
    this.mediaType = mediaType;
    this.content = content;
    this.digest = Digest.of(content);
  }

  @Override
  public String description() {
    return "push manifest " + digest + " as " + repository + ":" + tag;
  }

  @Override
  public HttpRequest.Builder request(URI apiBase) {
    return HttpRequest.newBuilder(apiBase.resolve(repository.repository() + "/manifests/" + tag))
        .header("Content-Type", mediaType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public Digest handle(HttpResponse<byte[]> response) {
    if (response.statusCode() != 201 && response.statusCode() != 200) {
      throw unexpected(response);
    }
    String stored =
        response.headers().firstValue("Docker-Content-Digest").orElse(digest.toString());
    if (!stored.equals(digest.toString())) {
      throw new RegistryException(
          description(), response.statusCode(), "the registry stored it as " + stored);
    }
    return digest;
  }
}
