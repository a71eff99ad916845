package dev.cimanager.app.net;

/**
 * A destination that resolves to an address connectors may not reach; the message says which host
 * and why.
 */
public final class AddressRefusedException extends RuntimeException {
  public AddressRefusedException(String message) {
    super(message);
  }
}
