package dev.cimanager.app.triggers;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.cimanager.app.execution.ExecutionService;
import dev.cimanager.app.web.JerseyComponents;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Triggers: their YAML resource, the webhook endpoint and the schedule runner. */
public final class TriggersModule extends AbstractModule {

  /** How often the scheduler looks for due times: a schedule fires within this of its time. */
  static final Duration SCHEDULER_PERIOD = Duration.ofSeconds(1);

  private final LifecycleEnvironment lifecycle;

  public TriggersModule(LifecycleEnvironment lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  protected void configure() {
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(TriggerResource.class);
    jersey.addBinding().to(WebhookResource.class);
  }

  @Provides
  @Singleton
  TriggerScheduler scheduler(
      TriggerRepository triggers,
      TriggerParser parser,
      ScheduleFires fires,
      ExecutionService executions,
      Clock clock) {
    TriggerScheduler scheduler =
        new TriggerScheduler(triggers, parser, fires, executions, clock, SCHEDULER_PERIOD);
    lifecycle.manage(scheduler);
    return scheduler;
  }
}
