package dev.cimanager.app.pipelines;

import java.util.Objects;

/**
 * One step of a stage's {@code execution.steps}.
 *
 * @param yamlPath where the step sits in the YAML, e.g. {@code
 *     pipeline.stages[0].stage.spec.execution.steps[1].step}
 */
public record Step(String identifier, String name, StepSpec spec, String yamlPath) {

  public Step {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(yamlPath, "yamlPath");
  }

  /** The YAML {@code type}, e.g. {@code BuildAndPushDockerRegistry}. */
  public String type() {
    return spec.type();
  }
}
