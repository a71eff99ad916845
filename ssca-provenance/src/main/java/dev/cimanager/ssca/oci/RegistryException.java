package dev.cimanager.ssca.oci;

/**
 * A registry call failed. The message reads "tried to ACTION but failed because REASON"; {@link
 * #statusCode()} is the HTTP status, or 0 when no response arrived.
 */
public class RegistryException extends RuntimeException {
  private final String action;
  private final int statusCode;

  public RegistryException(String action, int statusCode, String reason) {
    this(action, statusCode, reason, null);
  }

  public RegistryException(String action, int statusCode, String reason, Throwable cause) {
    super("tried to " + action + " but failed because " + reason, cause);
    this.action = action;
    this.statusCode = statusCode;
  }

  public String action() {
    return action;
  }

  public int statusCode() {
    return statusCode;
  }
}
