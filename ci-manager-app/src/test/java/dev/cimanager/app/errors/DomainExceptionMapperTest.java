package dev.cimanager.app.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
import dev.cimanager.contracts.errors.ErrorResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The status and code of each domain failure, as docs/API.md states them. */
class DomainExceptionMapperTest {
  private final DomainExceptionMapper mapper = new DomainExceptionMapper();

  @Test
  void answersEachReasonWithItsDocumentedStatusAndCode() {
    assertAnswer(
        new SecretException(SecretException.Reason.NOT_FOUND, "m"), 404, "SECRET_NOT_FOUND");
    assertAnswer(
        new SecretException(SecretException.Reason.REFERENCE_NOT_FOUND, "m"),
        400,
        "SECRET_NOT_FOUND");
    assertAnswer(
        new SecretException(SecretException.Reason.WRONG_TYPE, "m"), 400, "SECRET_TYPE_MISMATCH");
    assertAnswer(
        new ConnectorException(ConnectorException.Reason.DUPLICATE, "m"),
        409,
        "DUPLICATE_IDENTIFIER");
    assertAnswer(
        new ConnectorException(ConnectorException.Reason.REFERENCE_NOT_FOUND, "m"),
        400,
        "CONNECTOR_NOT_FOUND");
    assertAnswer(
        new ExecutionException(ExecutionException.Reason.QUEUE_FULL, "m"),
        429,
        "TOO_MANY_EXECUTIONS");
    assertAnswer(
        new ExecutionException(ExecutionException.Reason.ENDED, "m"), 409, "EXECUTION_ENDED");
    assertAnswer(
        new ReferenceException(ReferenceException.Reason.EMPTY, "m"), 400, "INVALID_REQUEST");
    assertAnswer(
        new ReferenceException(ReferenceException.Reason.INVALID, "m"), 400, "INVALID_REFERENCE");
    assertAnswer(
        new AccountException(AccountException.Reason.PROJECT_NOT_FOUND, "m"),
        404,
        "PROJECT_NOT_FOUND");
    assertAnswer(
        new PolicySetException(PolicySetException.Reason.REFERENCE_NOT_FOUND, "m"),
        400,
        "POLICY_SET_NOT_FOUND");
    assertAnswer(
        new PolicySetException(PolicySetException.Reason.NOT_FOUND, "m"),
        404,
        "POLICY_SET_NOT_FOUND");
    assertAnswer(
        new WebhookException(WebhookException.Reason.INVALID_SIGNATURE, "m"),
        401,
        "INVALID_SIGNATURE");
    assertAnswer(
        new WebhookException(WebhookException.Reason.UNSUPPORTED_MEDIA_TYPE, "m"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertAnswer(new InvalidInputException("m"), 400, "INVALID_REQUEST");
    assertAnswer(
        new InvalidInputException(InvalidInputException.Reason.INVALID_IDENTIFIER, "m"),
        400,
        "INVALID_IDENTIFIER");
    assertAnswer(
        new ProvenanceUnavailableException(
            ProvenanceUnavailableException.Reason.KEY_GENERATION_BUSY, "m", null),
        429,
        "TOO_MANY_REQUESTS");
  }

  @Test
  void anUnresolvableRepush_is409WithTheCodeOfWhyItDoesNotResolve() {
    var cause = new SecretException(SecretException.Reason.REFERENCE_NOT_FOUND, "secret x");
    assertAnswer(
        new ProvenanceUnavailableException(
            ProvenanceUnavailableException.Reason.REGISTRY_CREDENTIALS_UNRESOLVED, "m", cause),
        409,
        "SECRET_NOT_FOUND");
  }

  /** A reason added without an answer would only fail when thrown: every one is answered. */
  @Test
  void everyReasonOfEveryDomainExceptionHasAnAnswer() throws Exception {
    List<JavaClass> types =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cimanager.app")
                .stream()
                .filter(
                    c ->
                        c.isAssignableTo(DomainException.class)
                            && !c.getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .toList();
    Set<String> names = types.stream().map(JavaClass::getSimpleName).collect(Collectors.toSet());
    assertThat(names)
        .contains("SecretException", "WebhookException", "ProvenanceUnavailableException");
    var cause = new InvalidInputException("m");
    for (JavaClass type : types) {
      Class<?> reasons = Class.forName(type.getName() + "$Reason");
      for (Object reason : reasons.getEnumConstants()) {
        DomainException e =
            type.reflect() == ProvenanceUnavailableException.class
                ? new ProvenanceUnavailableException(
                    (ProvenanceUnavailableException.Reason) reason, "m", cause)
                : (DomainException)
                    type.reflect().getConstructor(reasons, String.class).newInstance(reason, "m");
        assertThat(mapper.toResponse(e).getStatus()).as("%s", reason).isBetween(400, 499);
      }
    }
  }

  private void assertAnswer(DomainException e, int status, String code) {
    var response = mapper.toResponse(e);
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getEntity()).isEqualTo(new ErrorResponse(code, "m"));
  }
}
