package dev.cimanager.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PayloadConditionTest {

  private static PayloadCondition condition(ConditionOperator operator, String value) {
    List<String> values =
        operator == ConditionOperator.IN || operator == ConditionOperator.NOT_IN
            ? List.of(value.split(","))
            : List.of(value);
    return new PayloadCondition(
        "targetBranch",
        operator,
        value,
        values,
        operator == ConditionOperator.REGEX ? Pattern.compile(value) : null);
  }

  @Test
  void test_everyOperator() {
    assertThat(condition(ConditionOperator.EQUALS, "main").test("main")).isTrue();
    assertThat(condition(ConditionOperator.EQUALS, "main").test("maint")).isFalse();
    assertThat(condition(ConditionOperator.NOT_EQUALS, "main").test("dev")).isTrue();
    assertThat(condition(ConditionOperator.STARTS_WITH, "release/").test("release/1.0")).isTrue();
    assertThat(condition(ConditionOperator.ENDS_WITH, "-hotfix").test("1.0-hotfix")).isTrue();
    assertThat(condition(ConditionOperator.CONTAINS, "feat").test("my-feature")).isTrue();
    assertThat(condition(ConditionOperator.IN, "main,dev").test("dev")).isTrue();
    assertThat(condition(ConditionOperator.IN, "main,dev").test("de")).isFalse();
    assertThat(condition(ConditionOperator.NOT_IN, "main,dev").test("qa")).isTrue();
    assertThat(condition(ConditionOperator.REGEX, "release/[0-9.]+").test("release/1.2")).isTrue();
    // the whole value must match, not a part of it
    assertThat(condition(ConditionOperator.REGEX, "release/[0-9.]+").test("xrelease/1.2"))
        .isFalse();
  }

  @Test
  void test_missingValueNeverHolds() {
    assertThat(condition(ConditionOperator.NOT_EQUALS, "main").test(null)).isFalse();
    assertThat(condition(ConditionOperator.NOT_IN, "main").test(null)).isFalse();
  }

  @Test
  void test_catastrophicBacktracking_isCutShortAsNoMatch() {
    PayloadCondition evil = condition(ConditionOperator.REGEX, "(a+)+b");
    long start = System.nanoTime();

    boolean matched = evil.test("a".repeat(64) + "c");

    assertThat(matched).isFalse();
    assertThat(evil.test("aaab")).isTrue();
    // without the budget this input takes longer than the universe's age; with it, milliseconds
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void testAll_changedFiles_anyForPositiveAllForNegative() {
    PayloadCondition src =
        new PayloadCondition(
            "changedFiles", ConditionOperator.STARTS_WITH, "src/", List.of("src/"), null);
    PayloadCondition notDocs =
        new PayloadCondition(
            "changedFiles", ConditionOperator.NOT_EQUALS, "README.md", List.of("README.md"), null);

    assertThat(src.testAll(List.of("README.md", "src/App.java"))).isTrue();
    assertThat(src.testAll(List.of("README.md"))).isFalse();
    assertThat(src.testAll(List.of())).isFalse();
    assertThat(notDocs.testAll(List.of("src/App.java"))).isTrue();
    assertThat(notDocs.testAll(List.of("src/App.java", "README.md"))).isFalse();
  }
}
