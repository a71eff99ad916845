package dev.cimanager.app.pipelines;

import dev.cimanager.app.accounts.OrgStore;
import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.accounts.ScopedReference;
import dev.cimanager.app.connectors.ConnectorAuth;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.connectors.DockerRegistryConnector;
import dev.cimanager.app.connectors.GitConnector;
import dev.cimanager.contracts.accounts.OrgResponse;
import dev.cimanager.contracts.accounts.ProjectResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * "Where is this used?": the saved pipelines (and, for secrets, the connectors) whose references
 * resolve to a given secret or connector. Reads every pipeline that can reach the object's scope:
 * an account object is reachable from every project of the account, so this is a scan, fine for the
 * rare delete. Pipelines that no longer parse are skipped (their references cannot be read
 * reliably).
 */
@Singleton
public final class ReferenceUsage {
  /** A pipeline that refers to the object, with the YAML paths of each reference. */
  public record PipelineUse(
      String orgIdentifier,
      String projectIdentifier,
      String identifier,
      String name,
      List<String> paths) {}

  /** A connector that refers to the secret (its password or token). */
  public record ConnectorUse(
      String identifier,
      String name,
      String scope,
      String reference,
      String orgIdentifier,
      String projectIdentifier) {}

  public record Usage(List<PipelineUse> pipelines, List<ConnectorUse> connectors) {}

  private final OrgStore orgs;
  private final PipelineRepository pipelines;
  private final PipelineParser parser;
  private final ConnectorService connectors;

  @Inject
  ReferenceUsage(
      OrgStore orgs,
      PipelineRepository pipelines,
      PipelineParser parser,
      ConnectorService connectors) {
    this.orgs = orgs;
    this.pipelines = pipelines;
    this.parser = parser;
    this.connectors = connectors;
  }

  public Usage ofSecret(Scope scope, String identifier) {
    List<PipelineUse> uses =
        scan(
            scope,
            identifier,
            (pipeline, refs) -> {
              for (Stage stage : pipeline.stages()) {
                stage
                    .slsaProvenanceIfPresent()
                    .ifPresent(
                        slsa -> {
                          String spec = slsa.yamlPath() + ".attestation.spec";
                          refs.accept(spec + ".private_key", slsa.privateKeyRef());
                          refs.accept(spec + ".password", slsa.passwordRef());
                        });
              }
            });
    List<ConnectorUse> connectorUses = new ArrayList<>();
    for (Scope from : scopesReaching(scope)) {
      for (var connector : connectors.listIn(from)) {
        ConnectorAuth auth =
            connector instanceof DockerRegistryConnector registry
                ? registry.auth()
                : ((GitConnector) connector).auth();
        if (auth instanceof ConnectorAuth.UsernamePassword up
            && resolvesTo(up.passwordRef(), from, scope, identifier)) {
          connectorUses.add(
              new ConnectorUse(
                  connector.identifier(),
                  connector.name(),
                  from.level().jsonName(),
                  from.referenceTo(connector.identifier()),
                  from.orgId(),
                  from.projectId()));
        }
      }
    }
    return new Usage(uses, connectorUses);
  }

  public Usage ofConnector(Scope scope, String identifier) {
    List<PipelineUse> uses =
        scan(
            scope,
            identifier,
            (pipeline, refs) -> {
              pipeline
                  .codebaseIfPresent()
                  .ifPresent(
                      codebase ->
                          refs.accept(
                              "pipeline.properties.ci.codebase.connectorRef",
                              codebase.connectorRef()));
              for (Stage stage : pipeline.stages()) {
                for (Step step : stage.steps()) {
                  if (step.spec() instanceof BuildAndPushSpec spec) {
                    refs.accept(step.yamlPath() + ".spec.connectorRef", spec.connectorRef());
                  }
                }
              }
            });
    return new Usage(uses, List.of());
  }

  private interface References {
    void collect(Pipeline pipeline, BiConsumer<String, String> pathAndReference);
  }

  private List<PipelineUse> scan(Scope target, String identifier, References references) {
    List<PipelineUse> result = new ArrayList<>();
    for (Scope project : projectsReaching(target)) {
      for (StoredPipeline stored : pipelines.list(project)) {
        Pipeline pipeline;
        try {
          pipeline = parser.parse(stored.key(), stored.yaml());
        } catch (InvalidPipelineException e) {
          continue;
        }
        Map<String, Boolean> paths = new LinkedHashMap<>();
        references.collect(
            pipeline,
            (path, reference) -> {
              if (resolvesTo(reference, project, target, identifier)) {
                paths.put(path, true);
              }
            });
        if (!paths.isEmpty()) {
          result.add(
              new PipelineUse(
                  project.orgId(),
                  project.projectId(),
                  stored.identifier(),
                  stored.name(),
                  List.copyOf(paths.keySet())));
        }
      }
    }
    return result;
  }

  private static boolean resolvesTo(String reference, Scope from, Scope target, String identifier) {
    if (reference == null || reference.contains("<+")) {
      return false;
    }
    try {
      ScopedReference ref = ScopedReference.resolve("reference", reference, from);
      return ref.scope().equals(target) && ref.identifier().equals(identifier);
    } catch (ReferenceException e) {
      return false;
    }
  }

  /** The projects whose pipelines can refer to an object of {@code target}. */
  private List<Scope> projectsReaching(Scope target) {
    String account = target.accountId();
    List<Scope> result = new ArrayList<>();
    switch (target.level()) {
      case PROJECT -> result.add(target);
      case ORG ->
          orgs.listProjects(account, target.orgId())
              .forEach(p -> result.add(Scope.project(account, target.orgId(), p.identifier())));
      case ACCOUNT -> {
        for (OrgResponse org : orgs.listOrgs(account)) {
          for (ProjectResponse p : orgs.listProjects(account, org.identifier())) {
            result.add(Scope.project(account, org.identifier(), p.identifier()));
          }
        }
      }
    }
    return result;
  }

  /**
   * Every scope whose connectors can refer to an object of {@code target}: itself and the scopes
   * below it.
   */
  private List<Scope> scopesReaching(Scope target) {
    List<Scope> result = new ArrayList<>();
    String account = target.accountId();
    switch (target.level()) {
      case PROJECT -> result.add(target);
      case ORG -> {
        result.add(target);
        result.addAll(projectsReaching(target));
      }
      case ACCOUNT -> {
        result.add(target);
        for (OrgResponse org : orgs.listOrgs(account)) {
          result.add(Scope.org(account, org.identifier()));
        }
        result.addAll(projectsReaching(target));
      }
    }
    return result;
  }
}
