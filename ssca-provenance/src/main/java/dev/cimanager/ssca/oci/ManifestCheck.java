package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * {@code HEAD /v2/<name>/manifests/<reference>}: the digest a tag points at now, without the body.
 */
final class ManifestCheck implements RegistryCall<Optional<Digest>> {
  private final RepositoryRef repository;
  private final String reference;

  ManifestCheck(RepositoryRef repository, String reference) {
    this.repository = repository;
    this.reference = reference;
  }

  @Override
  public String description() {
    return "check manifest " + reference + " in " + repository;
  }

  @Override
  public HttpRequest.Builder request(URI apiBase) {
    return HttpRequest.newBuilder(
            apiBase.resolve(repository.repository() + "/manifests/" + reference))
        .header("Accept", ManifestMediaTypes.ACCEPT)
        .method("HEAD", HttpRequest.BodyPublishers.noBody());
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public Optional<Digest> handle(HttpResponse<byte[]> response) {
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    String header =
        response
            .headers()
            .firstValue("Docker-Content-Digest")
            .orElseThrow(
                () ->
                    new RegistryException(
                        description(), 200, "the registry sent no Docker-Content-Digest header"));
    try {
      return Optional.of(Digest.parse(header));
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          description(),
          200,
          "the registry sent an invalid Docker-Content-Digest: " + e.getMessage());
    }
  }
}
