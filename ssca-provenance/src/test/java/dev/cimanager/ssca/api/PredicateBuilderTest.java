package dev.cimanager.ssca.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredicateBuilderTest {
  private static final ObjectMapper TREES = new ObjectMapper();

  private static JsonNode statement(ExecutionContext ctx) throws IOException {
    return TREES.readTree(StatementGoldenTest.statementBytes(ctx));
  }

  @Test
  void build_tagBuild_omitsBranchAndPinsTagRef() throws IOException {
    ExecutionContext ctx =
        ExecutionContexts.withCodebase(
            new Codebase(
                "https://git.example.com/demo/app.git",
                "",
                "v1.2.0",
                null,
                ExecutionContexts.COMMIT,
                ExecutionContexts.COMMIT_TIME));
    JsonNode definition = statement(ctx).at("/predicate/buildDefinition");

    assertThat(definition.at("/externalParameters/codeMetadata").has("branch")).isFalse();
    assertThat(definition.at("/externalParameters/codeMetadata/tag").asText()).isEqualTo("v1.2.0");
    assertThat(definition.at("/resolvedDependencies/0/uri").asText())
        .isEqualTo("git+https://git.example.com/demo/app.git@refs/tags/v1.2.0");
  }

  @Test
  void build_pullRequestBuild_keepsPrNumberAndSourceBranch() throws IOException {
    ExecutionContext ctx =
        ExecutionContexts.withCodebase(
            new Codebase(
                "https://git.example.com/demo/app.git",
                "feature/x",
                null,
                "42",
                ExecutionContexts.COMMIT,
                ExecutionContexts.COMMIT_TIME));
    JsonNode definition = statement(ctx).at("/predicate/buildDefinition");

    assertThat(definition.at("/externalParameters/codeMetadata/prNumber").asText()).isEqualTo("42");
    assertThat(definition.at("/resolvedDependencies/0/uri").asText())
        .isEqualTo("git+https://git.example.com/demo/app.git@refs/heads/feature/x");
    assertThat(definition.at("/resolvedDependencies/0/digest/gitCommit").asText())
        .isEqualTo(ExecutionContexts.COMMIT);
  }

  @Test
  void build_pullRequestWithoutBranch_pinsPullRef() throws IOException {
    ExecutionContext ctx =
        ExecutionContexts.withCodebase(
            new Codebase(
                "https://git.example.com/demo/app.git",
                null,
                null,
                "42",
                ExecutionContexts.COMMIT,
                ExecutionContexts.COMMIT_TIME));

    assertThat(statement(ctx).at("/predicate/buildDefinition/resolvedDependencies/0/uri").asText())
        .isEqualTo("git+https://git.example.com/demo/app.git@refs/pull/42/head");
  }

  @Test
  void build_noCodebaseNoTagsNoEvent_omitsEmptyFieldsButKeepsExternalParameters()
      throws IOException {
    ExecutionContext ctx =
        ExecutionContexts.withImage(
            null,
            new PushedImage(
                "registry.example.com", "demo/app", List.of(), ExecutionContexts.DIGEST));
    JsonNode root = statement(ctx);
    JsonNode external = root.at("/predicate/buildDefinition/externalParameters");

    assertThat(external.has("codeMetadata")).isFalse();
    assertThat(external.at("/buildMetadata").has("tags")).isFalse();
    assertThat(external.at("/buildMetadata/image").asText())
        .isEqualTo("registry.example.com/demo/app");
    assertThat(external.at("/triggerMetadata").has("triggerEvent")).isFalse();
    // only the base image remains a dependency
    assertThat(root.at("/predicate/buildDefinition/resolvedDependencies")).hasSize(1);
    assertThat(root.toString())
        .doesNotContain("null")
        .doesNotContain("\"\"")
        .doesNotContain("{}")
        .doesNotContain("[]");
  }

  @Test
  void build_nonAsciiValues_writesThemAsUtf8() throws IOException {
    ExecutionContext golden = ExecutionContexts.golden();
    ExecutionContext ctx =
        new ExecutionContext(
            golden.accountId(),
            golden.orgIdentifier(),
            golden.projectIdentifier(),
            golden.pipelineIdentifier(),
            golden.executionId(),
            golden.sequenceId(),
            new dev.cimanager.ssca.api.Trigger(
                dev.cimanager.contracts.executions.TriggerType.WEBHOOK, "Zoë Ångström 山田", "push"),
            golden.codebase(),
            golden.stageIdentifier(),
            golden.stepIdentifier(),
            new dev.cimanager.ssca.api.BuildSpec(
                "Dockerfile",
                ".",
                java.util.Map.of("GREETING", "héllo wörld ✓"),
                java.util.Map.of(),
                List.of()),
            golden.image(),
            golden.baseImages(),
            golden.builderVersions(),
            golden.startedOn(),
            golden.finishedOn());

    byte[] bytes = StatementGoldenTest.statementBytes(ctx);
    String json = new String(bytes, StandardCharsets.UTF_8);

    assertThat(json).contains("\"triggeredBy\":\"Zoë Ångström 山田\"").contains("héllo wörld ✓");
    assertThat(
            TREES
                .readTree(bytes)
                .at("/predicate/buildDefinition/externalParameters/triggerMetadata/triggerType")
                .asText())
        .isEqualTo("WEBHOOK");
  }

  @Test
  void build_subMillisecondTimes_areWholeSecondsUtc() throws IOException {
    JsonNode metadata = statement(ExecutionContexts.golden()).at("/predicate/runDetails/metadata");

    assertThat(metadata.get("startedOn").asText()).isEqualTo("2026-11-26T05:00:00Z");
    assertThat(metadata.get("finishedOn").asText()).isEqualTo("2026-11-26T05:01:30Z");
  }
}
