package dev.cimanager.app.errors;

import dev.cimanager.app.accounts.AccountException;
import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.connectors.ConnectorException;
import dev.cimanager.app.execution.ExecutionException;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.failures.InvalidInputException;
import dev.cimanager.app.policysets.PolicySetException;
import dev.cimanager.app.provenance.ProvenanceUnavailableException;
import dev.cimanager.app.secrets.SecretException;
import dev.cimanager.app.triggers.WebhookException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The API's answer to every domain failure: the HTTP status and code of each reason, chosen here
 * and nowhere else; the body's message is the exception's. Each reason enum is switched on in full,
 * so a new reason does not compile until it has an answer.
 */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  /** The status and code of one reason. */
  record Answer(int status, String code) {}

  @Override
  public Response toResponse(DomainException e) {
    Answer answer = answer(e);
    return ErrorResponses.of(answer.status(), answer.code(), e.getMessage());
  }

  static Answer answer(DomainException e) {
    Enum<?> reason = e.reason();
    if (reason instanceof InvalidInputException.Reason r) {
      return switch (r) {
        case MALFORMED -> new Answer(400, "INVALID_REQUEST");
        case INVALID_IDENTIFIER -> new Answer(400, "INVALID_IDENTIFIER");
      };
    }
    if (reason instanceof ReferenceException.Reason r) {
      return switch (r) {
        case EMPTY -> new Answer(400, "INVALID_REQUEST");
        case INVALID -> new Answer(400, "INVALID_REFERENCE");
      };
    }
    if (reason instanceof AccountException.Reason r) {
      return switch (r) {
        case ORG_NOT_FOUND -> new Answer(404, "ORG_NOT_FOUND");
        case PROJECT_NOT_FOUND -> new Answer(404, "PROJECT_NOT_FOUND");
        case DUPLICATE -> new Answer(409, "DUPLICATE_IDENTIFIER");
      };
    }
    if (reason instanceof SecretException.Reason r) {
      return switch (r) {
        case NOT_FOUND -> new Answer(404, "SECRET_NOT_FOUND");
        case REFERENCE_NOT_FOUND -> new Answer(400, "SECRET_NOT_FOUND");
        case WRONG_TYPE -> new Answer(400, "SECRET_TYPE_MISMATCH");
        case DUPLICATE -> new Answer(409, "DUPLICATE_IDENTIFIER");
      };
    }
    if (reason instanceof ConnectorException.Reason r) {
      return switch (r) {
        case REFERENCE_NOT_FOUND -> new Answer(400, "CONNECTOR_NOT_FOUND");
        case WRONG_TYPE -> new Answer(400, "CONNECTOR_TYPE_MISMATCH");
        case ADDRESS_NOT_ALLOWED -> new Answer(400, "ADDRESS_NOT_ALLOWED");
        case GIT_URL_REFUSED -> new Answer(400, "GIT_URL_REFUSED");
        case INSECURE_REGISTRY -> new Answer(400, "INSECURE_REGISTRY");
        case DUPLICATE -> new Answer(409, "DUPLICATE_IDENTIFIER");
      };
    }
    if (reason instanceof PolicySetException.Reason r) {
      return switch (r) {
        case NOT_FOUND -> new Answer(404, "POLICY_SET_NOT_FOUND");
        case REFERENCE_NOT_FOUND -> new Answer(400, "POLICY_SET_NOT_FOUND");
        case DUPLICATE -> new Answer(409, "DUPLICATE_IDENTIFIER");
        case INVALID_POLICY -> new Answer(400, "INVALID_POLICY");
        case EXECUTION_NOT_FOUND -> new Answer(404, "EXECUTION_NOT_FOUND");
        case PROVENANCE_NOT_FOUND -> new Answer(404, "PROVENANCE_NOT_FOUND");
      };
    }
    if (reason instanceof ExecutionException.Reason r) {
      return switch (r) {
        case PIPELINE_NOT_FOUND -> new Answer(404, "PIPELINE_NOT_FOUND");
        case QUEUE_FULL -> new Answer(429, "TOO_MANY_EXECUTIONS");
        case NOT_FOUND -> new Answer(404, "EXECUTION_NOT_FOUND");
        case ENDED -> new Answer(409, "EXECUTION_ENDED");
      };
    }
    if (reason instanceof WebhookException.Reason r) {
      return switch (r) {
        case TRIGGER_NOT_FOUND -> new Answer(404, "TRIGGER_NOT_FOUND");
        case INVALID_SIGNATURE -> new Answer(401, "INVALID_SIGNATURE");
        case UNSUPPORTED_MEDIA_TYPE -> new Answer(415, "UNSUPPORTED_MEDIA_TYPE");
        case MISSING_EVENT -> new Answer(400, "MISSING_EVENT");
        case MISSING_DELIVERY_ID -> new Answer(400, "MISSING_DELIVERY_ID");
        case INVALID_DELIVERY_ID -> new Answer(400, "INVALID_DELIVERY_ID");
        case INVALID_PAYLOAD -> new Answer(400, "INVALID_PAYLOAD");
      };
    }
    if (e instanceof ProvenanceUnavailableException p) {
      return switch (p.reason()) {
        case KEY_GENERATION_BUSY -> new Answer(429, "TOO_MANY_REQUESTS");
        // the artifact stays, its step's registry does not resolve: 409 with the cause's code
        case REGISTRY_CREDENTIALS_UNRESOLVED -> new Answer(409, answer(p.getCause()).code());
      };
    }
    throw new IllegalStateException("no HTTP answer for " + reason.getClass().getName());
  }
}
