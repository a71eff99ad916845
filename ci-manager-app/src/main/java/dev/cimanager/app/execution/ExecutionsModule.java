package dev.cimanager.app.execution;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.cimanager.app.config.DataDirectory;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.execution.steps.BuildahBuilder;
import dev.cimanager.app.execution.steps.GitCloner;
import dev.cimanager.app.execution.steps.ShellStep;
import dev.cimanager.app.web.JerseyComponents;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The stage execution engine: the worker pool (Dropwizard-managed), the step building blocks configured
 * from {@link ExecutionSettings}, the REST resource and the (empty by default) set of
 * {@link ImagePushedListener}s.
 */
public final class ExecutionsModule extends AbstractModule {

  private final ExecutionSettings settings;
  private final LifecycleEnvironment lifecycle;

  public ExecutionsModule(ExecutionSettings settings, LifecycleEnvironment lifecycle) {
    this.settings = settings;
    this.lifecycle = lifecycle;
  }

  @Override
  protected void configure() {
    ImagePushedListeners.in(binder());
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(ExecutionResource.class);
    jersey.addBinding().to(PipelineExecutionResource.class);
  }

  @Provides
  @Singleton
  ExecutionEngine engine(ExecutionStore store, ExecutionRunner runner, Clock clock) {
    ExecutionEngine engine = new ExecutionEngine(store, runner, clock, settings.getWorkers());
    lifecycle.manage(engine);
    return engine;
  }

  @Provides
  @Singleton
  BuildahBuilder buildahBuilder(DataDirectory dataDirectory, InsecureRegistries insecureRegistries) {
    return new BuildahBuilder(dataDirectory.root(), insecureRegistries.hostPorts(), commandTimeout());
  }

  @Provides
  @Singleton
  GitCloner gitCloner() {
    return new GitCloner(commandTimeout());
  }

  @Provides
  @Singleton
  ShellStep shellStep() {
    return new ShellStep(commandTimeout());
  }

  private Duration commandTimeout() {
    return Duration.ofMillis(settings.getCommandTimeout().toMilliseconds());
  }
}
