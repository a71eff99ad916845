package dev.cimanager.app.execution.tools;

/**
 * A step could not do its job. The message says what was tried and why it failed ("tried to X but
 * failed because Y"), with the failed command's last log lines when there was one; it becomes the
 * step's {@code failureMessage}. It never carries a secret: log lines are masked before they are
 * kept.
 */
public final class StepFailedException extends RuntimeException {

  public StepFailedException(String message) {
    super(message);
  }

  public StepFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
