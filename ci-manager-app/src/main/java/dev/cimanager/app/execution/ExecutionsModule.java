package dev.cimanager.app.execution;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.execution.steps.BuildAndPushRunner;
import dev.cimanager.app.execution.steps.StepRunner;
import dev.cimanager.app.execution.tools.LeftoverBuilds;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.app.web.JerseyComponents;
import io.dropwizard.core.setup.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The stage execution engine: the worker pool on the shared queue (Dropwizard-managed, sized and
 * timed by {@link ExecutionSettings}) with its lease health check and the REST resources (the
 * build-and-push step's {@code ImageProvenance} is bound by the provenance module). The steps'
 * tools come from {@link dev.cimanager.app.execution.tools.ToolsModule}.
 */
public final class ExecutionsModule extends AbstractModule {

  private final ExecutionSettings settings;
  private final boolean exclusiveDatabase;
  private final Environment environment;

  /**
   * @param exclusiveDatabase whether the database is this process's alone (the embedded server), so
   *     that what a previous process left running is taken over at start-up instead of after its
   *     lease expires
   */
  public ExecutionsModule(
      ExecutionSettings settings, boolean exclusiveDatabase, Environment environment) {
    this.settings = settings;
    this.exclusiveDatabase = exclusiveDatabase;
    this.environment = environment;
  }

  @Override
  protected void configure() {
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(ExecutionResource.class);
    jersey.addBinding().to(PipelineExecutionResource.class);
    jersey.addBinding().to(InstanceResource.class);
    jersey.addBinding().to(RerunResource.class);
    StepRunner.byType(binder()).addBinding(BuildAndPushSpec.TYPE).to(BuildAndPushRunner.class);
  }

  @Provides
  @Singleton
  StepLogStore stepLogStore(MongoDatabase database) {
    return new StepLogStore(database, settings.getMaxStepLogBytes());
  }

  @Provides
  @Singleton
  ExecutionEngine engine(
      ExecutionStore store,
      ExecutionQueue queue,
      ExecutionRunner runner,
      ExecutionWorkspaces workspaces,
      InstanceRegistry instances,
      LegacyActiveExecutions legacy,
      Clock clock,
      LeftoverBuilds leftoverBuilds) {
    // managed first, so started first: a dead process's builds stop before this one's can start
    environment.lifecycle().manage(leftoverBuilds);
    ExecutionEngine engine =
        new ExecutionEngine(
            store,
            queue,
            runner,
            workspaces,
            instances,
            legacy,
            clock,
            InstanceIdentity.resolve(settings.getInstanceId(), clock.instant()),
            EngineTimings.of(settings),
            settings.getWorkers(),
            settings.getMaxQueued(),
            exclusiveDatabase);
    environment.lifecycle().manage(engine);
    environment.healthChecks().register("execution-leases", new LeaseHealthCheck(engine, clock));
    return engine;
  }
}
