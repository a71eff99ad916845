package dev.cimanager.app.triggers;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Provider payloads from {@code src/test/resources/dev/cimanager/app/triggers} (GitHub's and
 * GitLab's documented shapes, {@code ${NAME}} placeholders filled in) and deliveries signed as the
 * providers sign.
 */
final class WebhookFixtures {

  private WebhookFixtures() {}

  /** The fixture {@code name} with each {@code ${key}} replaced by its value. */
  static byte[] payload(String name, Map<String, String> values) {
    try (InputStream in = WebhookFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> entry : values.entrySet()) {
        text = text.replace("${" + entry.getKey() + "}", entry.getValue());
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String githubSignature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GitHub delivery of {@code event} signed with {@code secret}, with a fresh delivery id. */
  static ApiResponse github(
      ApiClient client, String url, String event, String secret, byte[] body) {
    return github(
        client, url, event, UUID.randomUUID().toString(), githubSignature(secret, body), body);
  }

  /** A GitHub {@code pull_request} delivery of {@code action} on pull request {@code number}. */
  static ApiResponse githubPullRequest(
      ApiClient client,
      String url,
      String secret,
      String action,
      String number,
      String source,
      String sha) {
    byte[] body =
        payload(
            "github-pull-request.json",
            Map.of("ACTION", action, "NUMBER", number, "SOURCE", source, "SHA", sha));
    return github(client, url, "pull_request", secret, body);
  }

  static ApiResponse github(
      ApiClient client,
      String url,
      String event,
      String deliveryId,
      String signature,
      byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-GitHub-Event", event);
    headers.put("X-GitHub-Delivery", deliveryId);
    headers.put("User-Agent", "GitHub-Hookshot/test");
    if (signature != null) {
      headers.put("X-Hub-Signature-256", signature);
    }
    return client.sendWithHeaders("POST", url, headers, body);
  }

  static ApiResponse gitlab(ApiClient client, String url, String event, String token, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Gitlab-Event", event);
    headers.put("X-Gitlab-Event-UUID", UUID.randomUUID().toString());
    if (token != null) {
      headers.put("X-Gitlab-Token", token);
    }
    return client.sendWithHeaders("POST", url, headers, body);
  }
}
