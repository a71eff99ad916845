/**
 * The pipeline's step types, one {@link dev.cimanager.app.execution.steps.StepRunner} each, which
 * modules bind by type with {@code StepRunner.byType(binder())}: {@link
 * dev.cimanager.app.execution.steps.BuildAndPushRunner} here, {@code SlsaVerification} in the
 * verification package. A runner gets its step's {@link
 * dev.cimanager.app.execution.steps.StepContext} and works with the {@code execution.tools}
 * (buildah, JGit, the step log); SLSA provenance reaches the build step through {@link
 * dev.cimanager.app.execution.steps.ImageProvenance}.
 */
package dev.cimanager.app.execution.steps;
