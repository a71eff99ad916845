package dev.cimanager.ssca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.api.PolicyResult.PolicyStatus;
import dev.cimanager.ssca.policy.PolicyInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CEL policies: compile errors at save, evaluation results, errors as denials, bounded evaluation.
 */
class PolicyEvaluatorTest {
  static final String STATEMENT =
      """
      {"_type":"https://in-toto.io/Statement/v1",
       "subject":[{"name":"127.0.0.1:5000/demo/app","digest":{"sha256":"%s"}}],
       "predicateType":"https://slsa.dev/provenance/v1",
       "predicate":{
         "buildDefinition":{"buildType":"https://ci-manager.dev/buildtypes/harness-ci/v1",
           "externalParameters":{"codeMetadata":{"branch":"main","commitSha":"abc"},"tags":["1","2"]},
           "resolvedDependencies":[{"uri":"git+file:///repo","digest":{"gitCommit":"abc"}}]},
         "runDetails":{"builder":{"id":"https://ci-manager.dev/builder"},
           "metadata":{"invocationId":"e1","startedOn":"2026-11-29T10:00:00Z","finishedOn":"2026-11-29T10:01:00Z"}}}}
      """
          .formatted("a".repeat(64));
  static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

  private static PolicyInput input() {
    return PolicyInput.of(
        STATEMENT.getBytes(StandardCharsets.UTF_8),
        "127.0.0.1:5000/demo/app",
        "sha256:" + "a".repeat(64),
        NOW);
  }

  private static Policy policy(String id, String expression, PolicySeverity severity) {
    return new Policy(id, id, expression, "message of " + id, severity);
  }

  private static PolicyResult run(String expression) {
    CompiledPolicySet set =
        PolicyCompiler.compile(
            new PolicySet(
                "k", 1, "account.p", List.of(policy("p1", expression, PolicySeverity.ERROR))));
    return PolicyEvaluator.evaluate(set, input()).get(0);
  }

  @Test
  void contractExamplePolicies_passOnAFreshProvenanceFromMain() {
    assertThat(
            run("predicate.buildDefinition.externalParameters.codeMetadata.branch == 'main'")
                .status())
        .isEqualTo(PolicyStatus.PASS);
    assertThat(
            run("predicate.buildDefinition.buildType.startsWith('https://') && has(predicate.runDetails.builder.id)")
                .status())
        .isEqualTo(PolicyStatus.PASS);
    assertThat(
            run("now - timestamp(predicate.runDetails.metadata.finishedOn) < duration('720h')")
                .status())
        .isEqualTo(PolicyStatus.PASS);
    assertThat(
            run("image.digest == 'sha256:' + statement.subject[0].digest.sha256 && predicateType.endsWith('/v1')"
                    + " && image.name.startsWith('127.0.0.1')")
                .status())
        .isEqualTo(PolicyStatus.PASS);
    assertThat(
            run("predicate.buildDefinition.externalParameters.tags.exists(t, t == '2')").status())
        .isEqualTo(PolicyStatus.PASS);
  }

  @Test
  void falseResult_isADenialWithThePolicyMessage() {
    PolicyResult result =
        run("predicate.buildDefinition.externalParameters.codeMetadata.branch == 'release'");
    assertThat(result.status()).isEqualTo(PolicyStatus.DENY);
    assertThat(result.message()).isEqualTo("message of p1");
    assertThat(result.fails()).isTrue();
  }

  @Test
  void missingField_isADenialCarryingTheError() {
    PolicyResult result = run("predicate.buildDefinition.nope == 'x'");
    assertThat(result.status()).isEqualTo(PolicyStatus.DENY);
    assertThat(result.message()).startsWith("message of p1 (evaluation failed: ").contains("nope");
  }

  @Test
  void typeErrorAtRunTime_isADenial() {
    PolicyResult result = run("predicate.buildDefinition.externalParameters.tags + 1 == 2");
    assertThat(result.status()).isEqualTo(PolicyStatus.DENY);
    assertThat(result.message()).contains("evaluation failed");
  }

  @Test
  void warningDenial_doesNotFail() {
    CompiledPolicySet set =
        PolicyCompiler.compile(
            new PolicySet(
                "k", 1, "account.p", List.of(policy("w", "false", PolicySeverity.WARNING))));
    PolicyResult result = PolicyEvaluator.evaluate(set, input()).get(0);
    assertThat(result.denied()).isTrue();
    assertThat(result.fails()).isFalse();
    assertThat(result.logLine()).isEqualTo("Policy account.p/w: DENY (warning): message of w");
  }

  @Test
  void syntaxError_isRejectedNamingThePolicyAndThePosition() {
    assertThatThrownBy(
            () ->
                PolicyCompiler.compile(
                    policy("bad_syntax", "predicate.x ==", PolicySeverity.ERROR)))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("policy 'bad_syntax'")
        .hasMessageContaining("line 1, column ")
        .satisfies(
            e ->
                assertThat(((InvalidPolicyException) e).policyIdentifier())
                    .isEqualTo("bad_syntax"));
  }

  @Test
  void undeclaredVariable_isRejected() {
    assertThatThrownBy(
            () ->
                PolicyCompiler.compile(
                    policy("undeclared", "provenance.x == 1", PolicySeverity.ERROR)))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("policy 'undeclared'")
        .hasMessageContaining("provenance");
  }

  @Test
  void nonBooleanResult_isRejectedAtCompile() {
    assertThatThrownBy(
            () ->
                PolicyCompiler.compile(
                    policy("not_bool", "predicateType + 'x'", PolicySeverity.ERROR)))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("policy 'not_bool'")
        .hasMessageContaining("of type string, not bool");
    assertThatThrownBy(
            () -> PolicyCompiler.compile(policy("dyn", "predicate.flag", PolicySeverity.ERROR)))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("not bool");
  }

  @Test
  void duplicatePolicyIdentifiers_areRejected() {
    assertThatThrownBy(
            () ->
                PolicyCompiler.compile(
                    new PolicySet(
                        "k",
                        1,
                        "p",
                        List.of(
                            policy("same", "true", PolicySeverity.ERROR),
                            policy("same", "true", PolicySeverity.ERROR)))))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("'same' appears twice");
  }

  @Test
  void runawayNestedComprehension_isStoppedAndDenied() {
    PolicyResult result =
        run(
            "[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b,"
                + " [0,1,2,3,4,5,6,7,8,9].all(c, [0,1,2,3,4,5,6,7,8,9].all(d, [0,1,2,3,4,5,6,7,8,9].all(e,"
                + " [0,1,2,3,4,5,6,7,8,9].all(f, a + b + c + d + e + f >= 0))))))");
    assertThat(result.status()).isEqualTo(PolicyStatus.DENY);
    assertThat(result.message()).contains("evaluation failed").contains("budget");
  }

  /**
   * {@code [seed].map(x, body)[0]} nested {@code times} times: each level applies body once to the
   * last result.
   */
  private static String nested(String seed, String body, int times) {
    String expression = seed;
    for (int i = 0; i < times; i++) {
      expression = "[" + expression + "].map(x, " + body + ")[0]";
    }
    return expression;
  }

  @Test
  void doublingAStringInAFewSteps_isStoppedBeforeItFillsTheHeap() {
    // 1 KiB doubled 24 times is 16 GiB, in about a hundred evaluation steps
    PolicyResult result =
        run("size(" + nested("'" + "a".repeat(1024) + "'", "x + x", 24) + ") > 0");
    assertThat(result.status()).isEqualTo(PolicyStatus.DENY);
    assertThat(result.message()).contains("evaluation failed").contains("larger than 1000000");
  }

  @Test
  void doublingBytesOrAList_isStoppedToo() {
    assertThat(
            run("size(" + nested("b'" + "a".repeat(1024) + "'", "x + x", 24) + ") > 0").message())
        .contains("larger than 1000000");
    // concatenating long lists is slow enough that the clock may stop it first: either way it is
    // bounded
    assertThat(run("size(" + nested("[1]", "x + x", 28) + ") > 0").message())
        .contains("evaluation failed");
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void aListThatSharesItsHalves_isMeasuredWholeSoComparingItCannotRunForever() {
    // 2^30 leaves held in 30 small lists: the comparison would walk all of them in one
    // uninterruptible step
    String shared = nested("[1]", "[x, x]", 30);
    PolicyResult result = run(shared + " == " + shared);
    assertThat(result.status()).isEqualTo(PolicyStatus.DENY);
    assertThat(result.message()).contains("larger than 1000000");
  }

  @Test
  void readingTheProvenanceAndBuildingSmallValues_staysAllowed() {
    assertThat(
            run("predicate.buildDefinition.externalParameters.tags.map(t, t + t) == ['11', '22']"
                    + " && [statement, statement].size() == 2")
                .status())
        .isEqualTo(PolicyStatus.PASS);
  }

  @Test
  void exhaustedVerificationBudget_deniesTheRemainingPoliciesWithoutRunningThem() {
    CompiledPolicySet set =
        PolicyCompiler.compile(
            new PolicySet(
                "k", 1, "account.p", List.of(policy("late", "true", PolicySeverity.ERROR))));
    PolicyResult result = PolicyEvaluator.evaluate(set, input(), System.nanoTime() - 1).get(0);
    assertThat(result.status()).isEqualTo(PolicyStatus.DENY);
    assertThat(result.message()).contains("evaluation skipped").contains("2000 ms budget");
  }

  @Test
  void cache_compilesEachVersionOnce() {
    PolicyCache cache = new PolicyCache();
    PolicySet v1 =
        new PolicySet("acct:p", 1, "account.p", List.of(policy("a", "true", PolicySeverity.ERROR)));
    CompiledPolicySet first = cache.get(v1);
    assertThat(cache.get(v1)).isSameAs(first);
    PolicySet v2 =
        new PolicySet(
            "acct:p", 2, "account.p", List.of(policy("a", "false", PolicySeverity.ERROR)));
    assertThat(cache.get(v2)).isNotSameAs(first);
    assertThat(PolicyEvaluator.evaluate(cache.get(v2), input()).get(0).denied()).isTrue();
  }
}
