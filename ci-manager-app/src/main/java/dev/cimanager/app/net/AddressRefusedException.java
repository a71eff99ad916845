package dev.cimanager.app.net;

/**
 * A destination that resolves to an address connectors may not reach, or a {@code file://} Git URL
 * outside the account's folder; the message says which host or path and why.
 */
public final class AddressRefusedException extends RuntimeException {
  public AddressRefusedException(String message) {
    super(message);
  }
}
