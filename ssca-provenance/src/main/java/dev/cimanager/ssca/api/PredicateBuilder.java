package dev.cimanager.ssca.api;

import dev.cimanager.ssca.provenance.BuildDefinition;
import dev.cimanager.ssca.provenance.ExternalParameters;
import dev.cimanager.ssca.provenance.ExternalParameters.BuildMetadata;
import dev.cimanager.ssca.provenance.ExternalParameters.CodeMetadata;
import dev.cimanager.ssca.provenance.ExternalParameters.TriggerMetadata;
import dev.cimanager.ssca.provenance.InternalParameters;
import dev.cimanager.ssca.provenance.ProvenancePredicate;
import dev.cimanager.ssca.provenance.ResourceDescriptor;
import dev.cimanager.ssca.provenance.RunDetails;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** ExecutionContext -> SLSA v1.0 provenance predicate. */
public final class PredicateBuilder {
  private final BuilderIdentity identity;

  public PredicateBuilder() {
    this(BuilderIdentity.DEFAULT);
  }

  public PredicateBuilder(BuilderIdentity identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  public ProvenancePredicate build(ExecutionContext ctx) {
    BuildDefinition definition =
        new BuildDefinition(
            identity.buildType(),
            externalParameters(ctx),
            internalParameters(ctx),
            resolvedDependencies(ctx));
    RunDetails runDetails =
        new RunDetails(
            new RunDetails.Builder(identity.builderId(), ctx.builderVersions()),
            // whole seconds: RFC 3339 with Z, and the same value whatever precision the clock had
            new RunDetails.Metadata(
                ctx.executionId(),
                ctx.startedOn().truncatedTo(ChronoUnit.SECONDS),
                ctx.finishedOn().truncatedTo(ChronoUnit.SECONDS)));
    return new ProvenancePredicate(definition, runDetails);
  }

  private static ExternalParameters externalParameters(ExecutionContext ctx) {
    Codebase code = ctx.codebase();
    CodeMetadata codeMetadata =
        code == null
            ? null
            : new CodeMetadata(
                code.repoUrl(), code.branch(), code.tag(), code.prNumber(), code.commitSha());
    TriggerMetadata triggerMetadata =
        new TriggerMetadata(
            ctx.trigger().type().name(), ctx.trigger().triggeredBy(), ctx.trigger().event());
    BuildSpec build = ctx.build();
    BuildMetadata buildMetadata =
        new BuildMetadata(
            ctx.image().name(),
            build.dockerfile(),
            build.context(),
            build.buildArgs(),
            build.labels(),
            build.tags());
    return new ExternalParameters(codeMetadata, triggerMetadata, buildMetadata);
  }

  private static InternalParameters internalParameters(ExecutionContext ctx) {
    return new InternalParameters(
        ctx.executionId(),
        ctx.accountId(),
        ctx.orgIdentifier(),
        ctx.projectIdentifier(),
        ctx.pipelineIdentifier(),
        ctx.stageIdentifier(),
        ctx.stepIdentifier());
  }

  private static List<ResourceDescriptor> resolvedDependencies(ExecutionContext ctx) {
    List<ResourceDescriptor> dependencies = new ArrayList<>();
    Codebase code = ctx.codebase();
    if (code != null) {
      dependencies.add(
          new ResourceDescriptor(
              "git+" + code.repoUrl() + gitRef(code),
              Map.of("gitCommit", code.commitSha()),
              null,
              // RFC 3339 with Z in whole seconds, as runDetails' times
              Map.of("commitTime", code.commitTime().truncatedTo(ChronoUnit.SECONDS).toString())));
    }
    for (BaseImage base : ctx.baseImages()) {
      dependencies.add(
          new ResourceDescriptor(
              "oci://" + base.name(),
              Map.of("sha256", base.digest().substring("sha256:".length())),
              null,
              null));
    }
    return dependencies;
  }

  /** The ref the build asked for, SLSA style; a detached commit build has none. */
  private static String gitRef(Codebase code) {
    if (code.branch() != null) {
      return "@refs/heads/" + code.branch();
    }
    if (code.tag() != null) {
      return "@refs/tags/" + code.tag();
    }
    if (code.prNumber() != null) {
      return "@refs/pull/" + code.prNumber() + "/head";
    }
    return "";
  }
}
