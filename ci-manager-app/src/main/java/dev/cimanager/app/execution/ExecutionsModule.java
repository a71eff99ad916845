package dev.cimanager.app.execution;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.execution.steps.LeftoverBuilds;
import dev.cimanager.app.web.JerseyComponents;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The stage execution engine: the worker pool (Dropwizard-managed, sized by {@link ExecutionSettings}),
 * the REST resources and the (empty by default) set of {@link ImagePushedListener}s. The step building
 * blocks come from {@link dev.cimanager.app.execution.steps.StepsModule}.
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
  StepLogStore stepLogStore(MongoDatabase database) {
    return new StepLogStore(database, settings.getMaxStepLogBytes());
  }

  @Provides
  @Singleton
  ExecutionEngine engine(ExecutionStore store, ExecutionRunner runner, ExecutionWorkspaces workspaces, Clock clock,
      LeftoverBuilds leftoverBuilds) {
    // managed first, so started first: a dead process's builds stop before this one's can start
    lifecycle.manage(leftoverBuilds);
    ExecutionEngine engine = new ExecutionEngine(store, runner, workspaces, clock, settings.getWorkers(),
        settings.getMaxQueued());
    lifecycle.manage(engine);
    return engine;
  }
}
