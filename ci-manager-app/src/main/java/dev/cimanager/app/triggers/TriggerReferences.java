package dev.cimanager.app.triggers;

import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.connectors.ConnectorException;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.connectors.GitConnector;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.PipelineProblem;
import dev.cimanager.app.secrets.SecretException;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks at save time what a webhook trigger names, like pipelines' references: its Git connector
 * exists and is the pipeline's codebase connector (the commit an event names is fetched from it),
 * and its secret is a text secret. Each miss is a problem with its YAML path.
 */
@Singleton
public final class TriggerReferences {

  static final String EVENT_SPEC = "trigger.source.spec.spec.spec";

  private final ConnectorService connectors;
  private final SecretService secrets;

  @Inject
  TriggerReferences(ConnectorService connectors, SecretService secrets) {
    this.connectors = connectors;
    this.secrets = secrets;
  }

  public List<PipelineProblem> problems(
      Scope project, Pipeline pipeline, TriggerDefinition trigger) {
    List<PipelineProblem> problems = new ArrayList<>();
    if (!(trigger.source() instanceof TriggerDefinition.Webhook webhook)) {
      return problems;
    }
    try {
      GitConnector connector = connectors.resolveGit(project, webhook.connectorRef());
      if (pipeline.codebaseIfPresent().isEmpty()) {
        problems.add(
            new PipelineProblem(
                EVENT_SPEC + ".connectorRef",
                "pipeline '"
                    + pipeline.identifier()
                    + "' has no codebase (properties.ci.codebase) to build the event's commit from"));
      } else {
        GitConnector codebase =
            connectors.resolveGit(project, pipeline.codebaseIfPresent().get().connectorRef());
        if (!codebase.scope().equals(connector.scope())
            || !codebase.identifier().equals(connector.identifier())) {
          problems.add(
              new PipelineProblem(
                  EVENT_SPEC + ".connectorRef",
                  "connector '"
                      + webhook.connectorRef()
                      + "' is not the pipeline's codebase connector '"
                      + pipeline.codebaseIfPresent().get().connectorRef()
                      + "'"));
        }
      }
    } catch (ConnectorException | ReferenceException e) {
      problems.add(new PipelineProblem(EVENT_SPEC + ".connectorRef", e.getMessage()));
    }
    try {
      secrets.metadata(project, webhook.secretRef(), SecretType.SecretText);
    } catch (SecretException | ReferenceException e) {
      problems.add(new PipelineProblem(EVENT_SPEC + ".secret", e.getMessage()));
    }
    return problems;
  }
}
