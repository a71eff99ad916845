package dev.cimanager.app.pipelines;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.policysets.PolicySetService;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks at save time that the connectors and the SLSA provenance secrets a pipeline names exist in
 * its project's reach and have the right type, reporting each miss with its YAML path like any
 * other problem. Secret values are not read: they may be rotated after the pipeline is saved.
 */
@Singleton
public final class PipelineReferences {

  private final ConnectorService connectors;
  private final SecretService secrets;
  private final PolicySetService policySets;

  @Inject
  PipelineReferences(
      ConnectorService connectors, SecretService secrets, PolicySetService policySets) {
    this.connectors = connectors;
    this.secrets = secrets;
    this.policySets = policySets;
  }

  public List<PipelineProblem> problems(Scope project, Pipeline pipeline) {
    List<PipelineProblem> problems = new ArrayList<>();
    pipeline
        .codebaseIfPresent()
        .ifPresent(
            codebase ->
                check(
                    problems,
                    "pipeline.properties.ci.codebase.connectorRef",
                    ref -> connectors.resolveGit(project, ref),
                    codebase.connectorRef()));
    for (Stage stage : pipeline.stages()) {
      stage.slsaProvenanceIfPresent().ifPresent(slsa -> checkSecrets(problems, project, slsa));
      for (Step step : stage.steps()) {
        if (step.spec() instanceof BuildAndPushSpec spec) {
          check(
              problems,
              step.yamlPath() + ".spec.connectorRef",
              ref -> connectors.resolveDockerRegistry(project, ref),
              spec.connectorRef());
        } else if (step.spec() instanceof SlsaVerificationSpec spec) {
          checkVerification(problems, project, step.yamlPath(), spec);
        }
      }
    }
    return problems;
  }

  private void checkSecrets(List<PipelineProblem> problems, Scope project, SlsaProvenance slsa) {
    String spec = slsa.yamlPath() + ".attestation.spec";
    if (isLiteral(slsa.privateKeyRef())) {
      check(
          problems,
          spec + ".private_key",
          ref -> secrets.metadata(project, ref, SecretType.SecretFile),
          slsa.privateKeyRef());
    }
    if (isLiteral(slsa.passwordRef())) {
      check(
          problems,
          spec + ".password",
          ref -> secrets.metadata(project, ref, SecretType.SecretText),
          slsa.passwordRef());
    }
  }

  private void checkVerification(
      List<PipelineProblem> problems, Scope project, String stepPath, SlsaVerificationSpec spec) {
    check(
        problems,
        stepPath + ".spec.source.spec.connector",
        ref -> connectors.resolveDockerRegistry(project, ref),
        spec.connectorRef());
    check(
        problems,
        stepPath + ".spec.verify_attestation.spec.public_key",
        ref -> secrets.metadata(project, ref, SecretType.SecretFile),
        spec.publicKeyRef());
    for (int i = 0; i < spec.policySetRefs().size(); i++) {
      check(
          problems,
          stepPath + ".enforce.policySets[" + i + "]",
          ref -> policySets.resolve(project, ref),
          spec.policySetRefs().get(i));
    }
  }

  /** A reference written out, not absent nor an expression resolved at run time. */
  private static boolean isLiteral(String reference) {
    return reference != null && !reference.contains("<+");
  }

  private static void check(
      List<PipelineProblem> problems, String path, Consumer<String> resolve, String reference) {
    try {
      resolve.accept(reference);
    } catch (DomainException e) {
      problems.add(new PipelineProblem(path, e.getMessage()));
    }
  }
}
