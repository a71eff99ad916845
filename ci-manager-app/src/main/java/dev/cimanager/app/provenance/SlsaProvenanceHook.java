package dev.cimanager.app.provenance;

import dev.cimanager.app.CiManagerVersion;
import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.steps.ImageProvenance;
import dev.cimanager.app.execution.steps.StepContext;
import dev.cimanager.app.execution.tools.ClonedSource;
import dev.cimanager.app.execution.tools.StepFailedException;
import dev.cimanager.app.execution.tools.StepLog;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.app.pipelines.SlsaProvenance;
import dev.cimanager.app.secrets.SecretException;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.secrets.SecretType;
import dev.cimanager.ssca.api.AttestationResult;
import dev.cimanager.ssca.api.BaseImage;
import dev.cimanager.ssca.api.BuildSpec;
import dev.cimanager.ssca.api.Codebase;
import dev.cimanager.ssca.api.ExecutionContext;
import dev.cimanager.ssca.api.ProvenanceException;
import dev.cimanager.ssca.api.ProvenanceService;
import dev.cimanager.ssca.api.PushedImage;
import dev.cimanager.ssca.api.SigningKeyRef;
import dev.cimanager.ssca.api.Trigger;
import dev.cimanager.ssca.spi.ImageReference;
import dev.cimanager.ssca.spi.SecretScope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Generates, signs, stores and pushes the SLSA provenance of every image a Build stage with {@code
 * slsa_provenance.enabled} pushes, in process and inside the step: a provenance failure fails the
 * step (and so the stage) with a message naming the secret reference or registry and the cause. The
 * signing key is checked before the build, so a secret or key failure leaves nothing pushed. The
 * step's context is turned into the module's {@link ExecutionContext} here, in one place.
 */
@Singleton
final class SlsaProvenanceHook implements ImageProvenance {
  static final String PREFIX = "SLSA provenance: ";
  static final String CI_MANAGER = "ci-manager";
  static final String BUILDAH = "buildah";

  private final ProvenanceService provenance;
  private final SecretService secrets;
  private final String ciManagerVersion = CiManagerVersion.read();

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
  public void beforeBuild(StepContext context) {
    Optional<SlsaProvenance> settings = enabled(context);
    if (settings.isEmpty()) {
      return;
    }
    SigningKeyRef keyRef = keyRef(settings.get());
    StepLog log = context.log();
    hideSigningSecrets(context.execution(), keyRef, log);
    log.append(PREFIX + "checking the signing key " + keyRef.privateKey() + " before the build");
    Execution execution = context.execution();
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
  public void afterPush(StepContext context, PushedBuild build) {
    Optional<SlsaProvenance> settings = enabled(context);
    if (settings.isEmpty()) {
      return;
    }
    StepLog log = context.log();
    String subject = build.image().image() + "@" + build.image().digest();
    log.append(PREFIX + "generating the provenance of " + subject);
    SigningKeyRef keyRef = keyRef(settings.get());
    // again: a secret updated since beforeBuild is what attest resolves now
    hideSigningSecrets(context.execution(), keyRef, log);
    ExecutionContext execution;
    try {
      execution = executionContext(context, build);
    } catch (IllegalArgumentException e) {
      throw fail(
          log,
          "tried to describe the build of " + subject + " but failed because " + e.getMessage(),
          e);
    }
    AttestationResult result;
    try {
      result = provenance.attest(execution, keyRef, build.credentials());
    } catch (ProvenanceException e) {
      throw fail(log, e.getMessage(), e);
    }
    log.append(
        PREFIX + "signed with " + keyRef.privateKey() + ", pushed " + result.attestationRef());
  }

  private static Optional<SlsaProvenance> enabled(StepContext context) {
    return context
        .stage()
        .slsaProvenanceIfPresent()
        .filter(settings -> settings.isEnabled(context.expressions()));
  }

  /**
   * @throws IllegalArgumentException naming the field the module refused
   */
  private ExecutionContext executionContext(StepContext context, PushedBuild build) {
    Execution execution = context.execution();
    Execution.Trigger trigger = execution.trigger();
    BuildAndPushSpec spec = build.spec();
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put(CI_MANAGER, ciManagerVersion);
    versions.put(BUILDAH, build.image().builderVersion());
    return new ExecutionContext(
        execution.accountId(),
        execution.orgIdentifier(),
        execution.projectIdentifier(),
        execution.pipelineIdentifier(),
        execution.executionId(),
        execution.sequenceId(),
        new Trigger(trigger.type(), trigger.triggeredBy(), trigger.event()),
        context.codebaseIfPresent().map(source -> codebase(source, trigger)).orElse(null),
        context.stage().identifier(),
        context.step().identifier(),
        new BuildSpec(
            spec.dockerfile(),
            spec.context(),
            spec.buildArgs(),
            spec.labels(),
            build.image().tags()),
        new PushedImage(
            build.registry(), spec.repo(), build.image().tags(), build.image().digest()),
        build.image().baseImages().stream()
            .map(
                base ->
                    new BaseImage(
                        ImageReference.parse(base.reference()).repository().toString(),
                        base.digest()))
            .toList(),
        versions,
        context.startedAt(),
        build.pushFinishedAt());
  }

  /** The pull request comes from the webhook's trigger: the clone knows only the commit. */
  private static Codebase codebase(ClonedSource source, Execution.Trigger trigger) {
    return new Codebase(
        source.repositoryUrl(),
        source.branch(),
        source.tag(),
        trigger.codebase() == null ? null : trigger.codebase().prNumber(),
        source.commitSha(),
        source.commitTime());
  }

  /**
   * Hides the key's and its password's values in the run's logs and messages, as the registry and
   * Git passwords are. A secret that does not resolve is left to the key check, which names the
   * problem.
   */
  private void hideSigningSecrets(Execution execution, SigningKeyRef keyRef, StepLog log) {
    Scope project =
        Scope.project(
            execution.accountId(), execution.orgIdentifier(), execution.projectIdentifier());
    hide(project, keyRef.privateKey(), SecretType.SecretFile, log);
    hide(project, keyRef.password(), SecretType.SecretText, log);
  }

  private void hide(Scope project, String reference, SecretType type, StepLog log) {
    try {
      log.hide(secrets.resolve(project, reference, type));
    } catch (SecretException | ReferenceException e) {
      // not found or of the wrong type: nothing to hide, and checkSigningKey fails the step naming
      // it
    }
  }

  private static SigningKeyRef keyRef(SlsaProvenance settings) {
    if (blank(settings.privateKeyRef())) {
      throw new StepFailedException(
          PREFIX
              + "enabled but "
              + settings.yamlPath()
              + ".attestation.spec.private_key (the Cosign key's file secret) is missing");
    }
    if (blank(settings.passwordRef())) {
      throw new StepFailedException(
          PREFIX
              + "enabled but "
              + settings.yamlPath()
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
