package dev.cimanager.app.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.provenance.ProvenanceUnavailableException;
import dev.cimanager.app.secrets.SecretException;
import dev.cimanager.contracts.errors.ErrorResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The status and code of every reason of every domain failure: the answers the API documents. */
class DomainExceptionMapperTest {
  /** Exception, reason, status, code. */
  static final List<String> ANSWERS =
      List.of(
          "InvalidInputException MALFORMED 400 INVALID_REQUEST",
          "InvalidInputException INVALID_IDENTIFIER 400 INVALID_IDENTIFIER",
          "ReferenceException EMPTY 400 INVALID_REQUEST",
          "ReferenceException INVALID 400 INVALID_REFERENCE",
          "AccountException ORG_NOT_FOUND 404 ORG_NOT_FOUND",
          "AccountException PROJECT_NOT_FOUND 404 PROJECT_NOT_FOUND",
          "AccountException DUPLICATE 409 DUPLICATE_IDENTIFIER",
          "SecretException NOT_FOUND 404 SECRET_NOT_FOUND",
          "SecretException REFERENCE_NOT_FOUND 400 SECRET_NOT_FOUND",
          "SecretException WRONG_TYPE 400 SECRET_TYPE_MISMATCH",
          "SecretException DUPLICATE 409 DUPLICATE_IDENTIFIER",
          "ConnectorException REFERENCE_NOT_FOUND 400 CONNECTOR_NOT_FOUND",
          "ConnectorException WRONG_TYPE 400 CONNECTOR_TYPE_MISMATCH",
          "ConnectorException ADDRESS_NOT_ALLOWED 400 ADDRESS_NOT_ALLOWED",
          "ConnectorException GIT_URL_REFUSED 400 GIT_URL_REFUSED",
          "ConnectorException INSECURE_REGISTRY 400 INSECURE_REGISTRY",
          "ConnectorException DUPLICATE 409 DUPLICATE_IDENTIFIER",
          "PolicySetException NOT_FOUND 404 POLICY_SET_NOT_FOUND",
          "PolicySetException REFERENCE_NOT_FOUND 400 POLICY_SET_NOT_FOUND",
          "PolicySetException DUPLICATE 409 DUPLICATE_IDENTIFIER",
          "PolicySetException INVALID_POLICY 400 INVALID_POLICY",
          "PolicySetException EXECUTION_NOT_FOUND 404 EXECUTION_NOT_FOUND",
          "PolicySetException PROVENANCE_NOT_FOUND 404 PROVENANCE_NOT_FOUND",
          "ExecutionException PIPELINE_NOT_FOUND 404 PIPELINE_NOT_FOUND",
          "ExecutionException QUEUE_FULL 429 TOO_MANY_EXECUTIONS",
          "ExecutionException NOT_FOUND 404 EXECUTION_NOT_FOUND",
          "ExecutionException ENDED 409 EXECUTION_ENDED",
          "WebhookException TRIGGER_NOT_FOUND 404 TRIGGER_NOT_FOUND",
          "WebhookException INVALID_SIGNATURE 401 INVALID_SIGNATURE",
          "WebhookException UNSUPPORTED_MEDIA_TYPE 415 UNSUPPORTED_MEDIA_TYPE",
          "WebhookException MISSING_EVENT 400 MISSING_EVENT",
          "WebhookException MISSING_DELIVERY_ID 400 MISSING_DELIVERY_ID",
          "WebhookException INVALID_DELIVERY_ID 400 INVALID_DELIVERY_ID",
          "WebhookException INVALID_PAYLOAD 400 INVALID_PAYLOAD",
          "ProvenanceUnavailableException KEY_GENERATION_BUSY 429 TOO_MANY_REQUESTS",
          // 409, with the code of why the registry does not resolve (here a missing secret)
          "ProvenanceUnavailableException REGISTRY_CREDENTIALS_UNRESOLVED 409 SECRET_NOT_FOUND");

  /** Every concrete domain exception of the app, by simple name. */
  private static final Map<String, Class<?>> TYPES =
      new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("dev.cimanager.app")
              .stream()
              .filter(c -> c.isAssignableTo(DomainException.class))
              .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
              .collect(Collectors.toMap(JavaClass::getSimpleName, JavaClass::reflect));

  private final DomainExceptionMapper mapper = new DomainExceptionMapper();

  @ParameterizedTest
  @FieldSource("ANSWERS")
  void answersTheReasonWithItsStatusAndCode(String answer) throws Exception {
    String[] field = answer.split(" ");
    var response = mapper.toResponse(exception(TYPES.get(field[0]), field[1]));

    assertThat(response.getStatus()).isEqualTo(Integer.parseInt(field[2]));
    assertThat(response.getEntity()).isEqualTo(new ErrorResponse(field[3], "m"));
  }

  /** A reason added without an answer fails only when thrown: each has a row above. */
  @Test
  void everyReasonOfEveryDomainException_hasAnAnswer() {
    var reasons =
        TYPES.values().stream()
            .flatMap(
                type ->
                    Arrays.stream(reasonsOf(type).getEnumConstants())
                        .map(reason -> type.getSimpleName() + " " + reason))
            .collect(Collectors.toSet());
    var answered =
        ANSWERS.stream()
            .map(answer -> answer.split(" ")[0] + " " + answer.split(" ")[1])
            .collect(Collectors.toSet());

    assertThat(TYPES).containsKeys("SecretException", "InvalidInputException");
    assertThat(answered).isEqualTo(reasons);
  }

  private static DomainException exception(Class<?> type, String name) throws Exception {
    Class<?> reasons = reasonsOf(type);
    Object reason =
        Arrays.stream(reasons.getEnumConstants())
            .filter(r -> r.toString().equals(name))
            .findFirst()
            .orElseThrow();
    if (type == ProvenanceUnavailableException.class) {
      var cause = new SecretException(SecretException.Reason.REFERENCE_NOT_FOUND, "no secret");
      return new ProvenanceUnavailableException(
          (ProvenanceUnavailableException.Reason) reason, "m", cause);
    }
    return (DomainException) type.getConstructor(reasons, String.class).newInstance(reason, "m");
  }

  private static Class<?> reasonsOf(Class<?> type) {
    return Arrays.stream(type.getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals("Reason"))
        .findFirst()
        .orElseThrow();
  }
}
