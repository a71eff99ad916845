package dev.cimanager.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The pipeline most end-to-end tests save, with named holes: in project {@code default/demo}, one
 * CI stage {@code build} clones codebase connector {@code app_repo} (branch {@code main}) and its
 * step {@code BuildAndPush} builds {@code Dockerfile} and pushes {@code demo/app:1.0} through
 * {@code account.local_registry}, without SLSA provenance. A test names what it changes, e.g.
 * {@code TestPipeline.buildAndPush("hostile").repo("hostile/app").buildArg("PORTS", ports)}.
 */
public final class TestPipeline {
  private final String identifier;
  private String name = "Build app";
  private String codebase = "app_repo";
  private String step = "BuildAndPush";
  private String stepName = "Build and Push";
  private String registry = "account.local_registry";
  private String repo = "demo/app";
  private List<String> tags = List.of("1.0");
  private String dockerfile = "Dockerfile";
  private String slsa = "";
  private String buildArgs = "";
  private String labels = "";

  private TestPipeline(String identifier) {
    this.identifier = identifier;
  }

  public static TestPipeline buildAndPush(String identifier) {
    return new TestPipeline(identifier);
  }

  public TestPipeline name(String value) {
    name = value;
    return this;
  }

  /** The codebase's Git connector reference. */
  public TestPipeline codebase(String connectorRef) {
    codebase = connectorRef;
    return this;
  }

  public TestPipeline step(String identifier, String name) {
    step = identifier;
    stepName = name;
    return this;
  }

  /** The step's registry connector reference. */
  public TestPipeline registry(String connectorRef) {
    registry = connectorRef;
    return this;
  }

  public TestPipeline repo(String value) {
    repo = value;
    return this;
  }

  /** The tags, each written double-quoted (expressions such as {@code <+pipeline.sequenceId>}). */
  public TestPipeline tags(String... values) {
    tags = List.of(values);
    return this;
  }

  public TestPipeline dockerfile(String value) {
    dockerfile = value;
    return this;
  }

  /**
   * SLSA provenance signed with the account secrets {@code cosign_private_key}/{@code _password}.
   */
  public TestPipeline slsa() {
    return slsa(true, "account.cosign_private_key", "account.cosign_password");
  }

  public TestPipeline slsa(boolean enabled, String keyRef, String passwordRef) {
    slsa =
        """
                  slsa_provenance:
                    enabled: %s
                    attestation:
                      type: cosign
                      spec:
                        private_key: %s
                        password: %s
        """
            .formatted(enabled, keyRef, passwordRef);
    return this;
  }

  /** A build argument; {@code value} is written between double quotes, YAML escapes and all. */
  public TestPipeline buildArg(String key, String value) {
    buildArgs += "\n  %s: \"%s\"".formatted(key, value);
    return this;
  }

  /** An image label; {@code value} is written between double quotes. */
  public TestPipeline label(String key, String value) {
    labels += "\n  %s: \"%s\"".formatted(key, value);
    return this;
  }

  public String yaml() {
    String stepSpec =
        "connectorRef: %s\nrepo: %s\ntags:\n%s\ndockerfile: %s\ncontext: ."
                .formatted(
                    registry,
                    repo,
                    tags.stream().map(t -> "  - \"" + t + "\"").collect(Collectors.joining("\n")),
                    dockerfile)
            + (buildArgs.isEmpty() ? "" : "\nbuildArgs:" + buildArgs)
            + (labels.isEmpty() ? "" : "\nlabels:" + labels);
    return """
        pipeline:
          identifier: %s
          name: %s
          orgIdentifier: default
          projectIdentifier: demo
          properties:
            ci:
              codebase:
                connectorRef: %s
                build:
                  type: branch
                  spec:
                    branch: main
          stages:
            - stage:
                identifier: build
                name: Build
                type: CI
                spec:
                  cloneCodebase: true
        %s          execution:
                    steps:
                      - step:
                          identifier: %s
                          name: %s
                          type: BuildAndPushDockerRegistry
                          spec:
        """
            .formatted(identifier, name, codebase, slsa, step, stepName)
        + stepSpec.indent(20);
  }

  /** Saves the pipeline in {@code default/demo}; the answer must be 200 or 201. */
  public TestPipeline save(ApiClient client) {
    ApiResponse saved =
        client.putYaml("/api/v1/orgs/default/projects/demo/pipelines/" + identifier, yaml());
    assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
    return this;
  }
}
