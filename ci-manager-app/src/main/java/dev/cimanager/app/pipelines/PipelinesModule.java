package dev.cimanager.app.pipelines;

import com.google.inject.AbstractModule;
import dev.cimanager.app.web.JerseyComponents;

/** Pipeline YAML: the REST resource, the parser and the Mongo repository. */
public final class PipelinesModule extends AbstractModule {

  @Override
  protected void configure() {
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(PipelineResource.class);
    jersey.addBinding().to(UsageEndpoints.AccountSecret.class);
    jersey.addBinding().to(UsageEndpoints.OrgSecret.class);
    jersey.addBinding().to(UsageEndpoints.ProjectSecret.class);
    jersey.addBinding().to(UsageEndpoints.AccountConnector.class);
    jersey.addBinding().to(UsageEndpoints.OrgConnector.class);
    jersey.addBinding().to(UsageEndpoints.ProjectConnector.class);
  }
}
