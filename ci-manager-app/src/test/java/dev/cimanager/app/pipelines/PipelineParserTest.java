package dev.cimanager.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineParserTest {

  private static final PipelineKey KEY = new PipelineKey("default", "demo", "build_app");

  private final PipelineParser parser = new PipelineParser();

  static String example() throws IOException {
    try (InputStream in = PipelineParserTest.class.getResourceAsStream("pipeline-slsa.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The example with one more step appended to its (last) steps list. */
  private static String withSecondStep(String step) throws IOException {
    return example() + step.indent(14);
  }

  private List<String> problems(String yaml) {
    try {
      parser.parse(KEY, yaml);
    } catch (InvalidPipelineException e) {
      return e.problems().stream().map(PipelineProblem::toString).toList();
    }
    throw new AssertionError("expected the YAML to be rejected");
  }

  @Test
  void parse_contractExample() throws IOException {
    String yaml = example();

    Pipeline pipeline = parser.parse(KEY, yaml);

    assertThat(pipeline.yaml()).isEqualTo(yaml);
    assertThat(pipeline.key()).isEqualTo(KEY);
    assertThat(pipeline.name()).isEqualTo("Build app");
    assertThat(pipeline.codebase())
        .isEqualTo(new Codebase("app_repo", Codebase.BuildType.BRANCH, "main"));
    Stage stage = pipeline.stages().get(0);
    assertThat(stage.identifier()).isEqualTo("build");
    assertThat(stage.cloneCodebase()).isTrue();
    assertThat(stage.slsaProvenance())
        .isEqualTo(
            new SlsaProvenance(
                "true",
                "account.cosign_private_key",
                "account.cosign_password",
                "pipeline.stages[0].stage.spec.slsa_provenance"));
    Step step = stage.steps().get(0);
    assertThat(step.identifier()).isEqualTo("BuildAndPush");
    assertThat(step.type()).isEqualTo("BuildAndPushDockerRegistry");
    assertThat(step.yamlPath()).isEqualTo("pipeline.stages[0].stage.spec.execution.steps[0].step");
    assertThat(step.spec())
        .isEqualTo(
            new BuildAndPushSpec(
                "account.local_registry",
                "demo/app",
                List.of("1.0", "<+pipeline.sequenceId>"),
                "Dockerfile",
                ".",
                Map.of("VERSION", "1.0"),
                Map.of("org.opencontainers.image.title", "app")));
  }

  @Test
  void parse_numbersKeptAsWritten() throws IOException {
    String yaml =
        example().replace("- \"1.0\"", "- 1.10").replace("VERSION: \"1.0\"", "VERSION: 2");

    BuildAndPushSpec spec =
        (BuildAndPushSpec) parser.parse(KEY, yaml).stages().get(0).steps().get(0).spec();

    assertThat(spec.tags()).containsExactly("1.10", "<+pipeline.sequenceId>");
    assertThat(spec.buildArgs()).containsEntry("VERSION", "2");
  }

  @Test
  void parse_everyProblemReportedWithItsPath() {
    String yaml =
        """
        pipeline:
          identifier: build_app
          name: Build app
          orgIdentifier: default
          projectIdentifier: demo
          properties:
            ci:
              codebase:
                connectorRef: app_repo
                build:
                  type: commit
          stages:
            - stage:
                identifier: build
                name: Build
                type: CI
                spec:
                  cloneCodebase: true
                  slsa_provenance:
                    enabled: true
                    attestation:
                      type: cosign
                      spec:
                        password: account.cosign_password
                  execution:
                    steps:
                      - step:
                          identifier: BuildAndPush
                          name: Build and Push
                          type: BuildAndPushDockerRegistry
                          spec:
                            connectorRef: account.local_registry
                            repo: Demo/App
                            tags: "1.0"
                            dockerfile: ../Dockerfile
                            labels:
                              v: <+pipeline.variables.version>
                      - step:
                          identifier: 1bad
                          name: Foo
                          type: Foo
                      - step:
                          identifier: BuildAndPush
                          name: Again
                          type: Run
                          spec:
                            command: make
            - stage:
                identifier: build
                type: Custom
                spec:
                  execution:
                    steps: []
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "pipeline.properties.ci.codebase.build.type: unknown build type 'commit'; expected branch or tag",
            "pipeline.stages[0].stage.spec.slsa_provenance.attestation.spec.private_key: Private key is required",
            "pipeline.stages[0].stage.spec.execution.steps[0].step.spec.repo: 'Demo/App' is not a valid repository "
                + "path (lowercase letters, digits, separators . _ -, path components joined by /, e.g. demo/app)",
            "pipeline.stages[0].stage.spec.execution.steps[0].step.spec.tags: expected a list but got a string",
            "pipeline.stages[0].stage.spec.execution.steps[0].step.spec.dockerfile: '../Dockerfile' must be a path "
                + "inside the workspace (relative, without ..)",
            "pipeline.stages[0].stage.spec.execution.steps[0].step.spec.labels.v: unknown expression "
                + "<+pipeline.variables.version>; known expressions: <+pipeline.sequenceId>, <+pipeline.executionId>, "
                + "<+pipeline.identifier>, <+codebase.commitSha>, <+codebase.branch>, <+codebase.tag>, <+trigger.type>, <+trigger.event>, <+trigger.branch>, <+trigger.prNumber>, <+trigger.commitSha>",
            "pipeline.stages[0].stage.spec.execution.steps[1].step.identifier: '1bad' is not a valid identifier "
                + "(letters, digits and _, not starting with a digit, at most 128 characters)",
            "pipeline.stages[0].stage.spec.execution.steps[1].step.type: unknown step type 'Foo': supported step "
                + "types: BuildAndPushDockerRegistry, SlsaVerification",
            "pipeline.stages[0].stage.spec.execution.steps[2].step.type: unknown step type 'Run': supported step "
                + "types: BuildAndPushDockerRegistry, SlsaVerification",
            "pipeline.stages[1].stage.name: Name is required",
            "pipeline.stages[1].stage.type: unknown stage type 'Custom'; only CI stages are supported",
            "pipeline.stages[1].stage.spec.execution.steps: Steps must have at least one entry");
  }

  @Test
  void parse_duplicateIdentifiers() throws IOException {
    String stage = example().substring(example().indexOf("    - stage:"));
    String yaml = example() + stage;
    String twoSteps =
        withSecondStep(
            """
        - step:
            identifier: BuildAndPush
            name: Again
            type: BuildAndPushDockerRegistry
            spec:
              connectorRef: account.local_registry
              repo: demo/app
              tags:
                - "2.0"
        """);

    assertThat(problems(yaml))
        .containsExactly("pipeline.stages[1].stage.identifier: duplicate stage identifier 'build'");
    assertThat(problems(twoSteps))
        .containsExactly(
            "pipeline.stages[0].stage.spec.execution.steps[1].step.identifier: duplicate step identifier "
                + "'BuildAndPush' in this stage");
  }

  @Test
  void parse_pathDoesNotMatchYaml() throws IOException {
    InvalidPipelineException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidPipelineException.class,
            () -> parser.parse(new PipelineKey("other", "demo2", "build_app"), example()));

    assertThat(e.problems())
        .extracting(PipelineProblem::toString)
        .containsExactly(
            "pipeline.orgIdentifier: 'default' does not match the org 'other' of the request path",
            "pipeline.projectIdentifier: 'demo' does not match the project 'demo2' of the request path");
    assertThat(e.getMessage())
        .startsWith("The pipeline YAML has 2 problems: pipeline.orgIdentifier: ");
  }

  @Test
  void parse_pathWithFormatCharacters_isAProblemNotACrash() {
    InvalidPipelineException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidPipelineException.class,
            () -> parser.parse(new PipelineKey("default", "demo", "a%d%n"), example()));

    assertThat(e.problems())
        .extracting(PipelineProblem::toString)
        .containsExactly(
            "pipeline.identifier: 'build_app' does not match the pipeline 'a%d%n' of the request"
                + " path");
  }

  @Test
  void parse_malformedYaml_namesLineAndColumn() {
    assertThat(problems("pipeline:\n  identifier: [a, b\n  name: x\n"))
        .singleElement()
        .asString()
        .startsWith("$: malformed YAML: ")
        .endsWith("(line 3, column 7)")
        .doesNotContain("\n");
  }

  @Test
  void parse_duplicateKey_isMalformed() {
    assertThat(problems("pipeline:\n  identifier: a\n  identifier: b\n"))
        .singleElement()
        .asString()
        .contains("malformed YAML: Duplicate field 'identifier'");
  }

  @Test
  void parse_cloneWithoutCodebase() throws IOException {
    String yaml = example().replaceAll("(?s)  properties:.*?branch: main\n", "");

    assertThat(problems(yaml))
        .containsExactly(
            "pipeline.stages[0].stage.spec.cloneCodebase: the stage clones "
                + "the codebase but pipeline.properties.ci.codebase is missing");
    assertThat(
            parser
                .parse(KEY, yaml.replace("cloneCodebase: true", "cloneCodebase: false"))
                .codebase())
        .isNull();
  }

  @Test
  void parse_emptyOrScalarDocument() {
    assertThat(problems(""))
        .containsExactly("$: the YAML document's root must be a map with the key 'pipeline'");
    assertThat(problems("just text"))
        .containsExactly("$: the YAML document's root must be a map with the key 'pipeline'");
    assertThat(problems("pipeline: 3"))
        .containsExactly("pipeline: expected a map but got a number");
  }

  @Test
  void parse_slsaEnabledAsExpressionOrFalse() throws IOException {
    String expression = example().replace("enabled: true", "enabled: <+trigger.type>");
    String disabled =
        example().replaceAll("(?s)enabled: true\\s+attestation:.*?# text secret", "enabled: false");
    String wrongType = example().replace("enabled: true", "enabled: [1]");
    String wrongText = example().replace("enabled: true", "enabled: maybe");

    assertThat(parser.parse(KEY, expression).stages().get(0).slsaProvenance().enabled())
        .isEqualTo("<+trigger.type>");
    assertThat(parser.parse(KEY, disabled).stages().get(0).slsaProvenance().privateKeyRef())
        .isNull();
    assertThat(problems(wrongType))
        .containsExactly(
            "pipeline.stages[0].stage.spec.slsa_provenance.enabled: expected true, false or an expression but got a list");
    assertThat(problems(wrongText))
        .containsExactly(
            "pipeline.stages[0].stage.spec.slsa_provenance.enabled: expected true, false or an expression but got 'maybe'");
  }

  @Test
  void parse_unterminatedExpression() throws IOException {
    String yaml = example().replace("- <+pipeline.sequenceId>", "- v<+pipeline.sequenceId");

    assertThat(problems(yaml))
        .containsExactly(
            "pipeline.stages[0].stage.spec.execution.steps[0].step.spec.tags[1]: unterminated expression "
                + "'<+pipeline.sequenceId': expressions look like <+pipeline.sequenceId>");
  }

  @Test
  void parse_runStep_isUnknownStepType() throws IOException {
    // Run steps executed arbitrary shell commands as the server user; they are not in the contract
    String yaml =
        withSecondStep(
            """
        - step:
            identifier: test
            name: Test
            type: Run
            spec:
              shell: Bash
              command: make test
        """);

    assertThat(problems(yaml))
        .containsExactly(
            "pipeline.stages[0].stage.spec.execution.steps[1].step.type: "
                + "unknown step type 'Run': supported step types: BuildAndPushDockerRegistry, SlsaVerification");
  }

  @Test
  void parse_wrongTypesAndBadReferences() throws IOException {
    String yaml =
        example()
            .replace("cloneCodebase: true", "cloneCodebase: yes please")
            .replace("private_key: account.cosign_private_key", "private_key: acc.ount.key")
            .replace("stages:\n", "stages:\n    - 1\n");

    assertThat(problems(yaml))
        .containsExactly(
            "pipeline.stages[0]: expected a map but got a number",
            "pipeline.stages[1].stage.spec.cloneCodebase: expected true or false but got a string",
            "pipeline.stages[1].stage.spec.slsa_provenance.attestation.spec.private_key: 'acc.ount.key' is not a "
                + "valid reference (account.<id>, org.<id> or <id>)");
  }
}
