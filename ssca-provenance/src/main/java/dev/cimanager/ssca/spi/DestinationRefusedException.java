package dev.cimanager.ssca.spi;

/** A {@link DestinationGuard} refused a URL; the message says which host and why. */
public final class DestinationRefusedException extends RuntimeException {
  public DestinationRefusedException(String message) {
    super(message);
  }

  /** The refusal in {@code e}'s cause chain, or null. */
  public static DestinationRefusedException in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DestinationRefusedException refused) {
        return refused;
      }
    }
    return null;
  }
}
