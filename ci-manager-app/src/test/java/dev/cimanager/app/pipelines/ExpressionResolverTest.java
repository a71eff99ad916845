package dev.cimanager.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionResolverTest {

  private final ExpressionResolver branchBuild =
      new ExpressionResolver(
          new ExpressionContext(7, "exec-1", "build_app", "0123abcd", "main", null, "MANUAL"));

  @Test
  void resolve_everyKnownExpression() {
    String text =
        "<+pipeline.sequenceId>/<+pipeline.executionId>/<+pipeline.identifier>/"
            + "<+codebase.commitSha>/<+codebase.branch>/<+trigger.type>";

    assertThat(branchBuild.resolve(text, "x")).isEqualTo("7/exec-1/build_app/0123abcd/main/MANUAL");
  }

  @Test
  void resolve_textAroundExpressionsKept() {
    assertThat(branchBuild.resolve("v1.<+pipeline.sequenceId>-<+ codebase.branch >", "x"))
        .isEqualTo("v1.7-main");
    assertThat(branchBuild.resolve("no expressions > here", "x"))
        .isEqualTo("no expressions > here");
  }

  @Test
  void resolve_valueMissingInThisExecution() {
    assertThatThrownBy(
            () -> branchBuild.resolve("<+codebase.tag>", "pipeline.stages[0].stage.spec.x"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage(
            "pipeline.stages[0].stage.spec.x: expression <+codebase.tag> has no value in this execution "
                + "(the codebase is not built from that kind of ref, or not cloned)");
  }

  @Test
  void resolve_unknownExpression() {
    assertThatThrownBy(() -> branchBuild.resolve("<+secrets.getValue(\"x\")>", "p"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("p: unknown expression <+secrets.getValue(\"x\")>");
  }

  @Test
  void resolveBoolean_literalsAndExpressions() {
    ExpressionResolver webhook =
        new ExpressionResolver(new ExpressionContext(1, "e", "p", null, null, "true", "WEBHOOK"));

    assertThat(branchBuild.resolveBoolean("true", "p")).isTrue();
    assertThat(branchBuild.resolveBoolean("False", "p")).isFalse();
    assertThat(webhook.resolveBoolean("<+codebase.tag>", "p")).isTrue();
    assertThatThrownBy(() -> webhook.resolveBoolean("<+trigger.type>", "p.enabled"))
        .hasMessage(
            "p.enabled: expected true or false but '<+trigger.type>' resolved to 'WEBHOOK'");
  }

  @Test
  void resolve_buildAndPushSpec() {
    BuildAndPushSpec spec =
        new BuildAndPushSpec(
            "reg",
            "demo/app",
            List.of("1.0", "<+pipeline.sequenceId>"),
            "Dockerfile",
            ".",
            Map.of("SHA", "<+codebase.commitSha>"),
            Map.of("branch", "<+codebase.branch>"));

    BuildAndPushSpec resolved = spec.resolve(branchBuild, "s");

    assertThat(resolved.tags()).containsExactly("1.0", "7");
    assertThat(resolved.buildArgs()).containsExactly(Map.entry("SHA", "0123abcd"));
    assertThat(resolved.labels()).containsExactly(Map.entry("branch", "main"));
  }

  @Test
  void problems_unknownAndUnterminated() {
    assertThat(Expressions.problems("<+pipeline.sequenceId>")).isEmpty();
    assertThat(Expressions.problems("<+foo>"))
        .singleElement()
        .asString()
        .startsWith("unknown expression <+foo>");
    assertThat(Expressions.problems("a <+foo"))
        .singleElement()
        .asString()
        .startsWith("unterminated expression");
  }
}
