package dev.cimanager.app.pipelines;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.errors.ApiException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks at save time that the connectors a pipeline names exist in its project's reach and have the
 * right type, reporting each miss with its YAML path like any other problem. Secrets are left to run
 * time: their values may legitimately be rotated or created after the pipeline.
 */
@Singleton
public final class PipelineReferences {

  private final ConnectorService connectors;

  @Inject
  PipelineReferences(ConnectorService connectors) {
    this.connectors = connectors;
  }

  public List<PipelineProblem> problems(Scope project, Pipeline pipeline) {
    List<PipelineProblem> problems = new ArrayList<>();
    pipeline.codebaseIfPresent().ifPresent(codebase -> check(problems, "pipeline.properties.ci.codebase.connectorRef",
        ref -> connectors.resolveGit(project, ref), codebase.connectorRef()));
    for (Stage stage : pipeline.stages()) {
      for (Step step : stage.steps()) {
        if (step.spec() instanceof BuildAndPushSpec spec) {
          check(problems, step.yamlPath() + ".spec.connectorRef",
              ref -> connectors.resolveDockerRegistry(project, ref), spec.connectorRef());
        }
      }
    }
    return problems;
  }

  private static void check(List<PipelineProblem> problems, String path, Consumer<String> resolve, String reference) {
    try {
      resolve.accept(reference);
    } catch (ApiException e) {
      problems.add(new PipelineProblem(path, e.getMessage()));
    }
  }
}
