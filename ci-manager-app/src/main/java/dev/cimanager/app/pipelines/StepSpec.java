package dev.cimanager.app.pipelines;

/** A step's {@code spec}; one record per supported step {@code type}. */
public sealed interface StepSpec permits BuildAndPushSpec, SlsaVerificationSpec {

  /** The step type as written in YAML. */
  String type();
}
