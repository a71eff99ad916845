/**
 * The stage execution engine: executions (QUEUED, RUNNING, then SUCCESS or FAILED) stored in
 * MongoDB by {@link dev.cimanager.app.execution.ExecutionStore}, run stage by stage and step by
 * step on the bounded worker pool of {@link dev.cimanager.app.execution.ExecutionEngine} by {@link
 * dev.cimanager.app.execution.ExecutionRunner}, and served by the execution resources.
 *
 * <p>Who depends on whom: {@code runners} adapts the building blocks of {@code steps} (buildah,
 * JGit, the command runner) to pipeline steps; other concerns see only {@link
 * dev.cimanager.app.execution.runners.ImageProvenance} (SLSA provenance implements it, so the
 * dependency runs provenance → execution) and read executions through {@code
 * ExecutionStore.find(accountId, executionId)} and {@link
 * dev.cimanager.app.execution.Execution#pushedArtifacts()} (the artifacts API).
 */
package dev.cimanager.app.execution;
