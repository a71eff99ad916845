package dev.cimanager.app.verification;

import com.google.inject.AbstractModule;
import dev.cimanager.app.web.JerseyComponents;

/** SLSA verification: the on-demand endpoint (the step's runner is injected into the engine). */
public final class VerificationModule extends AbstractModule {
  @Override
  protected void configure() {
    JerseyComponents.in(binder()).addBinding().to(VerificationResource.class);
  }
}
