package dev.cimanager.app.verification;

import dev.cimanager.app.execution.steps.StepContext;
import dev.cimanager.app.execution.steps.StepRunner;
import dev.cimanager.app.execution.tools.StepFailedException;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.pipelines.SlsaVerificationSpec;
import dev.cimanager.ssca.api.Verdict;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@code SlsaVerification}: verifies the image's provenance with the public key and applies the
 * policy sets, logs one line per signature or subject failure and per policy result, stores the
 * verdict for the Artifacts tab, and fails the step with the verdict's sentence when it FAILED.
 */
@Singleton
public final class SlsaVerificationRunner implements StepRunner {
  private final ImageVerifications verifications;
  private final VerificationStore store;

  @Inject
  SlsaVerificationRunner(ImageVerifications verifications, VerificationStore store) {
    this.verifications = verifications;
    this.store = store;
  }

  @Override
  public void run(StepContext context) {
    String specPath = context.step().yamlPath() + ".spec";
    SlsaVerificationSpec spec =
        ((SlsaVerificationSpec) context.step().spec()).resolve(context.expressions(), specPath);
    String image =
        spec.imagePath() + (spec.digest() != null ? "@" + spec.digest() : ":" + spec.tag());
    context
        .log()
        .append(
            "Verifying the SLSA provenance of "
                + image
                + " from connector "
                + spec.connectorRef()
                + " with public key "
                + spec.publicKeyRef()
                + (spec.policySetRefs().isEmpty()
                    ? ""
                    : " and policy sets " + String.join(", ", spec.policySetRefs())));
    Verdict verdict;
    try {
      verdict =
          verifications.verify(
              context.projectScope(),
              new VerificationTarget(
                  spec.connectorRef(),
                  spec.imagePath(),
                  spec.tag(),
                  spec.digest(),
                  spec.publicKeyRef(),
                  spec.policySetRefs()),
              context.secrets()::add);
    } catch (DomainException e) {
      throw new StepFailedException(
          "tried to verify the SLSA provenance of "
              + image
              + " ("
              + specPath
              + ") but failed because "
              + e.getMessage(),
          e);
    }
    verdict.logLines().forEach(context.log()::append);
    String registryImage = verdict.image().replaceFirst("[@:][^/]*$", "");
    store.save(
        StoredVerification.of(
            context.execution().executionId(),
            context.stage().identifier(),
            context.step().identifier(),
            registryImage,
            spec.tag(),
            verdict));
    context
        .log()
        .append(
            "Attestation signature verification: "
                + verdict.signature().name().toLowerCase()
                + "; SLSA verification of "
                + verdict.image()
                + ": "
                + verdict.status());
    if (!verdict.passed()) {
      throw new StepFailedException(verdict.failureMessage());
    }
  }
}
