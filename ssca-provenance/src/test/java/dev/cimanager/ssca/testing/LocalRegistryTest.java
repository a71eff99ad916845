package dev.cimanager.ssca.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@IntegrationTest
class LocalRegistryTest {
  @Test
  void start_answersTheV2Endpoint() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(registry.url().resolve("/v2/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withBasicAuth_refusesAnonymousAndAcceptsTheCredentials() throws Exception {
    try (LocalRegistry registry = LocalRegistry.withBasicAuth("ci", "s3cret")) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> anonymous =
          client.send(
              HttpRequest.newBuilder(registry.url().resolve("/v2/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      String basic = Base64.getEncoder().encodeToString("ci:s3cret".getBytes());
      HttpResponse<String> authed =
          client.send(
              HttpRequest.newBuilder(registry.url().resolve("/v2/"))
                  .header("Authorization", "Basic " + basic)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(authed.statusCode()).isEqualTo(200);
    }
  }
}
