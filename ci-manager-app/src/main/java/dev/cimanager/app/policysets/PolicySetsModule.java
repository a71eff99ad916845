package dev.cimanager.app.policysets;

import com.google.inject.AbstractModule;
import dev.cimanager.app.web.JerseyComponents;

/** CEL policy sets: REST endpoints at every scope and {@link PolicySetService} for references. */
public final class PolicySetsModule extends AbstractModule {
  @Override
  protected void configure() {
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(PolicySetResources.AccountPolicySets.class);
    jersey.addBinding().to(PolicySetResources.OrgPolicySets.class);
    jersey.addBinding().to(PolicySetResources.ProjectPolicySets.class);
  }
}
