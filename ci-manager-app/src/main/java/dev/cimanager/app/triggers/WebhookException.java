package dev.cimanager.app.triggers;

import dev.cimanager.app.failures.DomainException;

/** A webhook delivery is refused; the message names the header, body or trigger. */
public final class WebhookException extends DomainException {
  /** Why a delivery is refused. */
  public enum Reason {
    /** No webhook trigger by that id on that pipeline. */
    TRIGGER_NOT_FOUND,
    /** The signature does not verify with the trigger's secret, or the secret is unreadable. */
    INVALID_SIGNATURE,
    /** A Content-Type other than JSON. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The provider's event header is missing. */
    MISSING_EVENT,
    MISSING_DELIVERY_ID,
    INVALID_DELIVERY_ID,
    /** The body is not the JSON object of a supported event. */
    INVALID_PAYLOAD
  }

  public WebhookException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
