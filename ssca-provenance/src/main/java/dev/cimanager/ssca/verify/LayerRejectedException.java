package dev.cimanager.ssca.verify;

/**
 * A layer failed one check; the message is the {@link LayerFailure#reason()}. Internal control
 * flow.
 */
final class LayerRejectedException extends Exception {
  LayerRejectedException(String reason) {
    super(reason, null, false, false);
  }
}
