package dev.cimanager.ssca.api;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cimanager.ssca.api.PolicyResult.PolicyStatus;
import dev.cimanager.ssca.policy.PolicyInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs compiled policies on one provenance. Every evaluation is bounded twice: CEL stops any
 * comprehension after {@link CelEnvironment#MAX_COMPREHENSION_ITERATIONS} iterations, and a
 * listener stops the evaluation after {@link #MAX_STEPS} evaluated sub-expressions or {@link
 * #MAX_NANOS} (nested comprehensions multiply iterations, so the first bound alone is not enough).
 * An evaluation that errs or is stopped is a denial carrying the error. A whole verification shares
 * one more budget, {@link #MAX_TOTAL_NANOS}, so hundreds of slow policies cannot hold a worker for
 * minutes: policies left when it runs out are denied without running.
 */
public final class PolicyEvaluator {
  static final long MAX_STEPS = 200_000;
  static final long MAX_NANOS = 100_000_000L;

  /**
   * The largest value (see {@link ValueSize}) an evaluation may build: a million characters or
   * entries.
   */
  static final long MAX_VALUE_SIZE = 1_000_000;

  /** What all the policies of one verification may take together. */
  public static final long MAX_TOTAL_NANOS = 2_000_000_000L;

  private PolicyEvaluator() {}

  /** Evaluates with a budget of its own of {@link #MAX_TOTAL_NANOS}. */
  public static List<PolicyResult> evaluate(CompiledPolicySet set, PolicyInput input) {
    return evaluate(set, input, System.nanoTime() + MAX_TOTAL_NANOS);
  }

  /**
   * @param deadline {@link System#nanoTime()} after which no policy runs (shared by a verification)
   */
  public static List<PolicyResult> evaluate(
      CompiledPolicySet set, PolicyInput input, long deadline) {
    List<PolicyResult> results = new ArrayList<>(set.policies().size());
    for (CompiledPolicy compiled : set.policies()) {
      results.add(evaluate(set.reference(), compiled, input, deadline));
    }
    return results;
  }

  static PolicyResult evaluate(
      String setReference, CompiledPolicy compiled, PolicyInput input, long deadline) {
    Policy policy = compiled.policy();
    long now = System.nanoTime();
    if (now - deadline >= 0) {
      return deny(
          setReference,
          policy,
          "evaluation skipped: the verification's policies ran out of their "
              + (MAX_TOTAL_NANOS / 1_000_000)
              + " ms budget");
    }
    Object value;
    try {
      value =
          compiled
              .program()
              .trace(input.variables(), new Budget(Math.min(now + MAX_NANOS, deadline)));
    } catch (CelEvaluationException e) {
      return deny(setReference, policy, "evaluation failed: " + oneLine(e.getMessage()));
    } catch (BudgetExceededException e) {
      return deny(setReference, policy, "evaluation failed: " + e.getMessage());
    } catch (RuntimeException e) {
      // CEL wraps a listener's exception in some paths and not in others
      BudgetExceededException budget = budgetCause(e);
      return deny(
          setReference,
          policy,
          "evaluation failed: "
              + (budget != null ? budget.getMessage() : oneLine(String.valueOf(e.getMessage()))));
    }
    if (Boolean.TRUE.equals(value)) {
      return new PolicyResult(
          setReference, policy.identifier(), PolicyStatus.PASS, policy.severity(), null);
    }
    if (Boolean.FALSE.equals(value)) {
      return deny(setReference, policy, policy.message());
    }
    return deny(
        setReference,
        policy,
        "evaluation failed: the expression returned " + value + ", not a bool");
  }

  private static PolicyResult deny(String setReference, Policy policy, String message) {
    String text =
        policy.message().equals(message) ? message : policy.message() + " (" + message + ")";
    return new PolicyResult(
        setReference, policy.identifier(), PolicyStatus.DENY, policy.severity(), text);
  }

  private static BudgetExceededException budgetCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BudgetExceededException budget) {
        return budget;
      }
    }
    return null;
  }

  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.lines().findFirst().orElse(message).trim();
  }

  /**
   * Counts evaluated sub-expressions of one evaluation and measures the values it builds; stops it
   * at any bound. Not thread-safe.
   */
  private static final class Budget implements CelEvaluationListener {
    private final long deadline;
    private final ValueSize sizes = new ValueSize();
    private long steps;

    Budget(long deadline) {
      this.deadline = deadline;
    }

    @Override
    public void callback(CelExpr expr, Object result) {
      if (++steps > MAX_STEPS) {
        throw new BudgetExceededException(
            "the expression exceeded its budget of " + MAX_STEPS + " evaluation steps");
      }
      // only built values are measured: a variable or field read as it is, however large the
      // provenance, is fine
      Kind kind = expr.getKind();
      boolean built = kind != Kind.CONSTANT && kind != Kind.IDENT && kind != Kind.SELECT;
      long size = built ? sizes.of(result) : 0;
      if (size > MAX_VALUE_SIZE) {
        throw new BudgetExceededException(
            "the expression built a value larger than "
                + MAX_VALUE_SIZE
                + " characters or entries");
      }
      // a step that built a large value took long enough on its own to look at the clock
      if (((steps & 0xff) == 0 || size > 10_000) && System.nanoTime() - deadline > 0) {
        throw new BudgetExceededException(
            "the expression ran out of time ("
                + (MAX_NANOS / 1_000_000)
                + " ms per policy, "
                + (MAX_TOTAL_NANOS / 1_000_000)
                + " ms per verification)");
      }
    }
  }

  private static final class BudgetExceededException extends RuntimeException {
    BudgetExceededException(String message) {
      super(message, null, false, false);
    }
  }
}
