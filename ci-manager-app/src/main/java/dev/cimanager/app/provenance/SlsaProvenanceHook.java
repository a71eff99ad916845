package dev.cimanager.app.provenance;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.errors.ApiException;
import dev.cimanager.app.execution.ImagePushedEvent;
import dev.cimanager.app.execution.ImagePushedListener;
import dev.cimanager.app.execution.steps.StepFailedException;
import dev.cimanager.app.execution.steps.StepLog;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.secrets.SecretType;
import dev.cimanager.ssca.api.AttestationResult;
import dev.cimanager.ssca.api.ExecutionContext;
import dev.cimanager.ssca.api.ProvenanceException;
import dev.cimanager.ssca.api.ProvenanceService;
import dev.cimanager.ssca.api.SigningKeyRef;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.SecretScope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Generates, signs, stores and pushes the SLSA provenance of every image a Build stage with {@code
 * slsa_provenance.enabled} pushes, in process and inside the step: a provenance failure fails the
 * step (and so the stage) with a message naming the secret reference or registry and the cause. The
 * signing key is checked before the build, so a secret or key failure leaves nothing pushed.
 */
@Singleton
final class SlsaProvenanceHook implements ImagePushedListener {
  static final String PREFIX = "SLSA provenance: ";

  private final ProvenanceService provenance;
  private final SecretService secrets;

  @Inject
  SlsaProvenanceHook(ProvenanceService provenance, SecretService secrets) {
    this.provenance = provenance;
    this.secrets = secrets;
  }

  /**
   * Resolves the key and password secrets and loads the key before the build, so a missing secret,
   * a wrong secret type or a wrong password fails the step with nothing pushed (the key stays
   * cached for the attestation).
   */
  @Override
  public void beforeBuild(
      ImagePushedEvent.ExecutionInfo execution, ImagePushedEvent.StageInfo stage, StepLog log) {
    ImagePushedEvent.SlsaSettings settings = stage.slsaProvenance();
    if (!settings.enabled()) {
      return;
    }
    SigningKeyRef keyRef = keyRef(settings);
    hideSigningSecrets(execution, keyRef, log);
    log.append(PREFIX + "checking the signing key " + keyRef.privateKey() + " before the build");
    try {
      provenance.checkSigningKey(
          new SecretScope(
              execution.accountId(), execution.orgIdentifier(), execution.projectIdentifier()),
          keyRef);
    } catch (ProvenanceException e) {
      throw fail(log, e.getMessage() + "; nothing was built or pushed", e);
    }
  }

  @Override
  public void onImagePushed(ImagePushedEvent event) {
    ImagePushedEvent.SlsaSettings settings = event.stage().slsaProvenance();
    if (!settings.enabled()) {
      return;
    }
    StepLog log = event.log();
    String subject = event.image().image() + "@" + event.image().digest();
    log.append(PREFIX + "generating the provenance of " + subject);
    SigningKeyRef keyRef = keyRef(settings);
    // again: a secret updated since beforeBuild is what attest resolves now
    hideSigningSecrets(event.execution(), keyRef, log);
    ExecutionContext context;
    Credentials credentials;
    try {
      context = ProvenanceContexts.of(event);
      credentials =
          event
              .registry()
              .credentialsIfPresent()
              .map(c -> new Credentials(c.username(), c.password()))
              .orElse(null);
    } catch (IllegalArgumentException e) {
      throw fail(
          log,
          "tried to describe the build of " + subject + " but failed because " + e.getMessage(),
          e);
    }
    AttestationResult result;
    try {
      result = provenance.attest(context, keyRef, credentials);
    } catch (ProvenanceException e) {
      throw fail(log, e.getMessage(), e);
    }
    log.append(
        PREFIX + "signed with " + keyRef.privateKey() + ", pushed " + result.attestationRef());
  }

  /**
   * Hides the key's and its password's values in the run's logs and messages, as the registry and
   * Git passwords are. A secret that does not resolve is left to the key check, which names the
   * problem.
   */
  private void hideSigningSecrets(
      ImagePushedEvent.ExecutionInfo execution, SigningKeyRef keyRef, StepLog log) {
    Scope project =
        Scope.project(
            execution.accountId(), execution.orgIdentifier(), execution.projectIdentifier());
    hide(project, keyRef.privateKey(), SecretType.SecretFile, log);
    hide(project, keyRef.password(), SecretType.SecretText, log);
  }

  private void hide(Scope project, String reference, SecretType type, StepLog log) {
    try {
      log.hide(secrets.resolve(project, reference, type));
    } catch (ApiException e) {
      // not found or of the wrong type: nothing to hide, and checkSigningKey fails the step naming
      // it
    }
  }

  private static SigningKeyRef keyRef(ImagePushedEvent.SlsaSettings settings) {
    String where = settings.yamlPath() == null ? "slsa_provenance" : settings.yamlPath();
    if (blank(settings.privateKeyRef())) {
      throw new StepFailedException(
          PREFIX
              + "enabled but "
              + where
              + ".attestation.spec.private_key (the Cosign key's file secret) is missing");
    }
    if (blank(settings.passwordRef())) {
      throw new StepFailedException(
          PREFIX
              + "enabled but "
              + where
              + ".attestation.spec.password (the key password's text secret) is missing");
    }
    return new SigningKeyRef(settings.privateKeyRef(), settings.passwordRef());
  }

  private static StepFailedException fail(StepLog log, String message, Exception cause) {
    log.append(PREFIX + "failed: " + message);
    return new StepFailedException(PREFIX + message, cause);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
