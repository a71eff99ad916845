package dev.cimanager.app.execution;

import dev.cimanager.app.pipelines.ExpressionContext;

/** The {@code <+trigger.*>} values of an execution: what its trigger's event named. */
final class TriggerExpressions {

  private TriggerExpressions() {}

  static ExpressionContext.TriggerValues of(Execution.Trigger trigger) {
    CodebaseRef ref = trigger.codebase();
    return new ExpressionContext.TriggerValues(
        trigger.event(),
        ref == null ? null : ref.branch(),
        ref == null ? null : ref.prNumber(),
        ref == null ? null : ref.commitSha());
  }
}
