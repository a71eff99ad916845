/**
 * The stage execution engine: executions (QUEUED, RUNNING, then SUCCESS or FAILED) stored in
 * MongoDB by {@link dev.cimanager.app.execution.ExecutionStore}, run stage by stage and step by
 * step on the bounded worker pool of {@link dev.cimanager.app.execution.ExecutionEngine} by {@link
 * dev.cimanager.app.execution.ExecutionRunner}, and served by the execution resources.
 *
 * <p>Who depends on whom: {@code steps} holds the pipeline's step types (one {@link
 * dev.cimanager.app.execution.steps.StepRunner} each, keyed by type), which use the {@code tools}
 * (buildah, JGit, the command runner, the step log); other concerns see only {@link
 * dev.cimanager.app.execution.steps.ImageProvenance} (SLSA provenance implements it, so the
 * dependency runs provenance → execution) and read executions through {@code
 * ExecutionStore.find(accountId, executionId)} and {@link
 * dev.cimanager.app.execution.Execution#pushedArtifacts()} (the artifacts API).
 */
package dev.cimanager.app.execution;
