package dev.cimanager.ssca.api;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cimanager.ssca.policy.CelEnvironment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and type-checks policies in {@link CelEnvironment}: an expression must compile and its
 * type must be {@code bool} (not {@code dyn}: {@code predicate.flag} alone could be anything at run
 * time, so it must be written {@code predicate.flag == true}).
 */
public final class PolicyCompiler {

  private PolicyCompiler() {}

  /**
   * @throws InvalidPolicyException for the first policy that does not compile, or a duplicate
   *     identifier
   */
  public static CompiledPolicySet compile(PolicySet set) {
    Set<String> identifiers = new HashSet<>();
    List<CompiledPolicy> compiled = new ArrayList<>();
    for (Policy policy : set.policies()) {
      if (!identifiers.add(policy.identifier())) {
        throw new InvalidPolicyException(
            policy.identifier(),
            "policy '"
                + policy.identifier()
                + "' appears twice; policy identifiers are unique in a set");
      }
      compiled.add(compile(policy));
    }
    return new CompiledPolicySet(set.reference(), set.version(), compiled);
  }

  /**
   * @throws InvalidPolicyException naming the policy and, for syntax and type errors, line and
   *     column
   */
  public static CompiledPolicy compile(Policy policy) {
    String expression = policy.expression();
    if (expression.isBlank()) {
      throw invalid(policy, "its expression is empty");
    }
    if (expression.codePointCount(0, expression.length()) > CelEnvironment.MAX_EXPRESSION_LENGTH) {
      throw invalid(
          policy,
          "its expression is longer than " + CelEnvironment.MAX_EXPRESSION_LENGTH + " characters");
    }
    CelValidationResult result = CelEnvironment.CEL.compile(expression);
    if (result.hasError()) {
      throw invalid(policy, "its expression does not compile: " + issues(result.getErrors()));
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = result.getAst();
    } catch (CelValidationException e) {
      throw invalid(policy, "its expression does not compile: " + e.getMessage());
    }
    if (!ast.getResultType().equals(SimpleType.BOOL)) {
      throw invalid(
          policy,
          "its expression is of type "
              + ast.getResultType().name()
              + ", not bool; a policy must be true when the provenance complies"
              + (ast.getResultType().equals(SimpleType.DYN)
                  ? " (compare the value, e.g. '== true')"
                  : ""));
    }
    try {
      return new CompiledPolicy(policy, CelEnvironment.CEL.createProgram(ast));
    } catch (CelEvaluationException e) {
      throw invalid(policy, "its expression cannot be planned: " + e.getMessage());
    }
  }

  private static InvalidPolicyException invalid(Policy policy, String why) {
    return new InvalidPolicyException(
        policy.identifier(), "policy '" + policy.identifier() + "' is invalid: " + why);
  }

  /** "line 1, column 12: undeclared reference to 'foo'; ..." — one-line, 1-based positions. */
  private static String issues(List<CelIssue> issues) {
    List<String> parts = new ArrayList<>();
    for (CelIssue issue : issues) {
      var at = issue.getSourceLocation();
      String where =
          at == null || at.getLine() <= 0
              ? ""
              : "line " + at.getLine() + ", column " + (at.getColumn() + 1) + ": ";
      parts.add(where + issue.getMessage());
    }
    return String.join("; ", parts);
  }
}
