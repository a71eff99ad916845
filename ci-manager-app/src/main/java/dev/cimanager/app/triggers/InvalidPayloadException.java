package dev.cimanager.app.triggers;

/** A webhook body that is not the provider's event JSON, or lacks a field the event must have. */
final class InvalidPayloadException extends RuntimeException {

  InvalidPayloadException(String message) {
    super(message, null, false, false);
  }
}
