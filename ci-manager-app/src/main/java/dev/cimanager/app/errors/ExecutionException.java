package dev.cimanager.app.errors;

/**
 * An execution could not be started or changed for a {@link Reason} callers branch on; the message
 * names the pipeline, execution or field. The HTTP status and code of each reason are chosen here.
 *
 * <p>It still extends {@link ApiException} while callers (the trigger scheduler, the webhook) catch
 * that type; see {@link SecretException}.
 */
public final class ExecutionException extends ApiException {
  /** Why an execution could not be started or changed. */
  public enum Reason {
    /** The pipeline to run does not exist. */
    PIPELINE_NOT_FOUND(404, "PIPELINE_NOT_FOUND"),
    /** The run's codebase input (branch or tag) is invalid, or the pipeline has no codebase. */
    INVALID_INPUT(400, "INVALID_REQUEST"),
    /** The account's queue of waiting executions is full. */
    QUEUE_FULL(429, "TOO_MANY_EXECUTIONS"),
    /** The execution does not exist (in the caller's account). */
    NOT_FOUND(404, "EXECUTION_NOT_FOUND"),
    /** The execution already ended, so it cannot be aborted. */
    ENDED(409, "EXECUTION_ENDED");

    private final int status;
    private final String code;

    Reason(int status, String code) {
      this.status = status;
      this.code = code;
    }
  }

  private final Reason reason;

  public ExecutionException(Reason reason, String message) {
    super(reason.status, reason.code, message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
