/**
 * The tools the steps use, free of pipelines' orchestration: {@link
 * dev.cimanager.app.execution.tools.GitCloner} (JGit clone of a branch or tag), {@link
 * dev.cimanager.app.execution.tools.BuildahBuilder} (reproducible buildah build and push, digest as
 * the registry serves it; {@code RUN} steps isolated by {@link
 * dev.cimanager.app.execution.tools.BuildIsolation}, leftovers of a dead process stopped by {@link
 * dev.cimanager.app.execution.tools.LeftoverBuilds}). Each writes the lines of the processes it
 * runs into a {@link dev.cimanager.app.execution.tools.StepLog}, masked by the function the engine
 * passes in and streamed to the {@link dev.cimanager.app.execution.tools.LogSink} it names, and
 * fails with a {@link dev.cimanager.app.execution.tools.StepFailedException} whose message becomes
 * the step's {@code failureMessage}.
 *
 * <p>Depends on {@code dev.cimanager.app.pipelines} (ref types) and the app's config records, and
 * on {@code dev.cimanager.app.secrets} for masking; never on REST resources, Mongo or the SSCA
 * module.
 */
package dev.cimanager.app.execution.tools;
