package dev.cimanager.ssca.oci;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One Registry API call: its request, whether it may be repeated, and what its answer means. {@link
 * RegistryClient} adds authentication, retries and the error for refused credentials.
 */
interface RegistryCall<T> {
  /**
   * "push blob sha256:... to host/repo": the ACTION in "tried to ACTION but failed because ...".
   */
  String description();

  /** Method, URL and body, relative to {@code scheme://host/v2/}. */
  HttpRequest.Builder request(URI apiBase);

  /** Repeating the request has the same effect as sending it once (so it may be retried). */
  boolean idempotent();

  T handle(HttpResponse<byte[]> response);

  /** The error for an answer the call did not expect, with the registry's own error code if any. */
  default RegistryException unexpected(HttpResponse<byte[]> response) {
    return new RegistryException(
        description(),
        response.statusCode(),
        "the registry answered HTTP "
            + response.statusCode()
            + RegistryErrors.summary(response.body()));
  }
}
