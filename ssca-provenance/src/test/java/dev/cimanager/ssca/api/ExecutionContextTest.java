package dev.cimanager.ssca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionContextTest {

  @Test
  void pushedImage_uppercaseDigest_isRejectedNamingTheField() {
    assertThatThrownBy(
            () ->
                new PushedImage(
                    "127.0.0.1:5000", "demo/app", List.of(), "sha256:" + "AB".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("image.digest must be sha256: followed by 64 lowercase hex digits");
  }

  @Test
  void pushedImage_registryWithScheme_isRejected() {
    assertThatThrownBy(
            () ->
                new PushedImage(
                    "http://127.0.0.1:5000", "demo/app", List.of(), ExecutionContexts.DIGEST))
        .hasMessageStartingWith("image: registry must be host[:port]");
  }

  @Test
  void pushedImage_registryWithoutDotOrPort_isRejectedAsDockerWouldReadItAsAPath() {
    assertThatThrownBy(
            () -> new PushedImage("myregistry", "demo/app", List.of(), ExecutionContexts.DIGEST))
        .hasMessage(
            "image.registry must be a host name with a '.' or a port, or localhost, but was 'myregistry'");
  }

  @Test
  void pushedImage_name_isRegistrySlashRepository() {
    PushedImage image =
        new PushedImage("localhost", "demo/app", List.of("1.0"), ExecutionContexts.DIGEST);
    assertThat(image.name()).isEqualTo("localhost/demo/app");
    assertThat(image.digestHex()).isEqualTo("3f".repeat(32));
  }

  @Test
  void codebase_shortCommit_isRejected() {
    assertThatThrownBy(
            () ->
                new Codebase(
                    "https://x/y.git",
                    "main",
                    null,
                    null,
                    "9c1e5d0",
                    ExecutionContexts.COMMIT_TIME))
        .hasMessageStartingWith("codebase.commitSha must be a full lowercase hex commit id");
  }

  @Test
  void codebase_blankOptionalFields_areAbsent() {
    Codebase codebase =
        new Codebase(
            "https://x/y.git",
            " ",
            "",
            "",
            ExecutionContexts.COMMIT,
            ExecutionContexts.COMMIT_TIME);
    assertThat(codebase.branch()).isNull();
    assertThat(codebase.tag()).isNull();
    assertThat(codebase.prNumber()).isNull();
  }

  @Test
  void executionContext_finishedBeforeStarted_isRejected() {
    ExecutionContext g = ExecutionContexts.golden();
    assertThatThrownBy(
            () ->
                new ExecutionContext(
                    g.accountId(),
                    g.orgIdentifier(),
                    g.projectIdentifier(),
                    g.pipelineIdentifier(),
                    g.executionId(),
                    g.sequenceId(),
                    g.trigger(),
                    g.codebase(),
                    g.stageIdentifier(),
                    g.stepIdentifier(),
                    g.build(),
                    g.image(),
                    g.baseImages(),
                    g.builderVersions(),
                    g.finishedOn(),
                    g.startedOn()))
        .hasMessageContaining("must not be before startedOn");
  }

  @Test
  void buildSpec_argWithoutValue_isRejectedNamingTheArg() {
    Map<String, String> args = new java.util.HashMap<>();
    args.put("VERSION", null);
    assertThatThrownBy(() -> new BuildSpec("Dockerfile", ".", args, Map.of(), List.of()))
        .hasMessage("build.buildArgs.VERSION has no value");
  }

  @Test
  void buildSpec_buildArgs_keepCallerOrder() {
    assertThat(ExecutionContexts.golden().build().buildArgs().keySet())
        .containsExactly("VERSION", "BASE");
  }
}
