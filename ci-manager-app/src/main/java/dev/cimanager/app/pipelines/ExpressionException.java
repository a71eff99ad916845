package dev.cimanager.app.pipelines;

/**
 * An expression could not be resolved at run time; the message names the YAML path and the
 * expression.
 */
public final class ExpressionException extends RuntimeException {

  public ExpressionException(String message) {
    super(message);
  }
}
