package dev.cimanager.ssca.oci;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code GET /v2/}: the registry speaks the Distribution API and accepts our credentials. */
final class ApiPing implements RegistryCall<Void> {
  private final String registry;

  ApiPing(String registry) {
    this.registry = registry;
  }

  @Override
  public String description() {
    return "reach the Registry API of " + registry;
  }

  @Override
  public HttpRequest.Builder request(URI apiBase) {
    return HttpRequest.newBuilder(apiBase).GET();
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  @Override
  public Void handle(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw unexpected(response);
    }
    return null;
  }
}
