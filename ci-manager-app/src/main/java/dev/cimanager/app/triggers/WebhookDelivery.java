package dev.cimanager.app.triggers;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One POST to a trigger's webhook URL, as received: the raw body (the signature covers its exact
 * bytes) and the headers (names lower-cased).
 */
public record WebhookDelivery(Map<String, String> headers, String contentType, byte[] body) {

  public WebhookDelivery {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** The header {@code name} (any case), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
