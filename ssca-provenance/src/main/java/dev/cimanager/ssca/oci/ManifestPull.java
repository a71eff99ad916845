package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** {@code GET /v2/<name>/manifests/<reference>}; 404 means "no such manifest", not an error. */
final class ManifestPull implements RegistryCall<Optional<FetchedManifest>> {
  private final RepositoryRef repository;
  private final String reference;

  ManifestPull(RepositoryRef repository, String reference) {
    this.repository = repository;
    this.reference = reference;
  }

  @Override
  public String description() {
    return "pull manifest " + reference + " from " + repository;
  }

  @Override
  public HttpRequest.Builder request(URI apiBase) {
    return HttpRequest.newBuilder(
            apiBase.resolve(repository.repository() + "/manifests/" + reference))
        .header("Accept", ManifestMediaTypes.ACCEPT)
        .GET();
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public Optional<FetchedManifest> handle(HttpResponse<byte[]> response) {
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    Digest digest = Digest.of(response.body());
    if (reference.startsWith("sha256:") && !reference.equals(digest.toString())) {
      throw new RegistryException(
          description(), 200, "the registry served content with digest " + digest);
    }
    String mediaType = response.headers().firstValue("Content-Type").orElse("");
    return Optional.of(new FetchedManifest(digest, mediaType, response.body()));
  }
}
