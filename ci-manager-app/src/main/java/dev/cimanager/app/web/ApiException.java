package dev.cimanager.app.web;

/**
 * An answer the HTTP edge chooses itself: a status, an UPPER_SNAKE code and a sentence that names
 * the field or header and what is wrong, answered as {@code {"code","message"}} by {@code
 * errors.ApiExceptionMapper}. Only resources, filters and the admin token throw it (checked by
 * ArchitectureTest), for the shape of a request; the domain throws {@link
 * dev.cimanager.app.failures.DomainException}s, answered by {@code errors.DomainExceptionMapper}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("ApiException status must be 4xx or 5xx, got " + status);
    }
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  /** 400 {@code INVALID_REQUEST}: a missing or malformed field; the message names it. */
  public static ApiException invalid(String message) {
    return new ApiException(400, "INVALID_REQUEST", message);
  }

  public static ApiException notFound(String code, String message) {
    return new ApiException(404, code, message);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, code, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "UNAUTHORIZED", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
