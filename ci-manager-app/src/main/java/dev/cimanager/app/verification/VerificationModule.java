package dev.cimanager.app.verification;

import com.google.inject.AbstractModule;
import dev.cimanager.app.execution.steps.StepRunner;
import dev.cimanager.app.pipelines.SlsaVerificationSpec;
import dev.cimanager.app.web.JerseyComponents;

/** SLSA verification: the on-demand endpoint and the {@code SlsaVerification} step's runner. */
public final class VerificationModule extends AbstractModule {
  @Override
  protected void configure() {
    JerseyComponents.in(binder()).addBinding().to(VerificationResource.class);
    StepRunner.byType(binder())
        .addBinding(SlsaVerificationSpec.TYPE)
        .to(SlsaVerificationRunner.class);
  }
}
