package dev.cimanager.app.provenance;

import dev.cimanager.ssca.spi.ProvenanceRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor {@link AttestBenchmark} compares the SSCA work with: the fewest requests a client must
 * send to put an {@code .att} of one layer into a Distribution registry (layer POST + PUT, config
 * POST + PUT, manifest PUT), with plain HTTP requests and nothing else: no signing, no store, no
 * lock, no read of what is there.
 *
 * <p>Each push sends a fresh layer of the attestation's size and the config and manifest of the
 * same shape as the module writes, under a fresh {@code sha256-<hex>.att} tag, so the registry does
 * the same work as for an attestation (same bytes would hit its existing blobs).
 */
final class BarePush {
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI repository;

  /** Pushes to {@code http://<registry>/v2/<repository>/}. */
  BarePush(String registry, String repository) {
    this.repository = URI.create("http://" + registry + "/v2/" + repository + "/");
  }

  /** What to push: prepared outside the timed {@link #push}. */
  record Content(String tag, byte[] layer, byte[] config, byte[] manifest) {}

  /** A fresh layer of the size of {@code like}'s envelope, with its config and manifest. */
  static Content content(ProvenanceRecord like) {
    String predicateType = like.predicateType();
    byte[] layer = new byte[like.envelope().length];
    ThreadLocalRandom.current().nextBytes(layer);
    String layerDigest = sha256(layer);
    byte[] config =
        ("{\"architecture\":\"\",\"created\":\"%s\",\"history\":[{\"created\":\"%s\"}],\"os\":\"\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"%s\"]},\"config\":{}}")
            .formatted(ZERO_TIME, ZERO_TIME, layerDigest)
            .getBytes(StandardCharsets.UTF_8);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"%s\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"size\":%d,\"digest\":\"%s\"},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.dsse.envelope.v1+json\",\"size\":%d,"
                + "\"digest\":\"%s\",\"annotations\":{\"dev.cosignproject.cosign/signature\":\"\","
                + "\"predicateType\":\"%s\"}}]}")
            .formatted(
                OCI_MANIFEST,
                config.length,
                sha256(config),
                layer.length,
                layerDigest,
                predicateType)
            .getBytes(StandardCharsets.UTF_8);
    byte[] image = new byte[32];
    ThreadLocalRandom.current().nextBytes(image);
    return new Content(
        "sha256-" + HexFormat.of().formatHex(image) + ".att", layer, config, manifest);
  }

  /** The five requests, one after the other. */
  void push(Content content) throws IOException, InterruptedException {
    pushBlob(content.layer());
    pushBlob(content.config());
    expect(
        201,
        HttpRequest.newBuilder(repository.resolve("manifests/" + content.tag()))
            .header("Content-Type", OCI_MANIFEST)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content.manifest())));
  }

  private void pushBlob(byte[] blob) throws IOException, InterruptedException {
    HttpResponse<Void> started =
        expect(
            202,
            HttpRequest.newBuilder(repository.resolve("blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    URI location = started.uri().resolve(started.headers().firstValue("Location").orElseThrow());
    String separator = location.getRawQuery() == null ? "?" : "&";
    expect(
        201,
        HttpRequest.newBuilder(URI.create(location + separator + "digest=" + sha256(blob)))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
  }

  private HttpResponse<Void> expect(int status, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<Void> response =
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          request.build().method() + " " + response.uri() + " answered " + response.statusCode());
    }
    return response;
  }

  private static String sha256(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
