package dev.cimanager.app.secrets;

import com.google.inject.AbstractModule;
import dev.cimanager.app.web.JerseyComponents;

/**
 * Secrets at rest (encrypted with the master key), their REST endpoints and {@link SecretService}.
 */
public final class SecretsModule extends AbstractModule {
  private final MasterKey masterKey;

  public SecretsModule(MasterKey masterKey) {
    this.masterKey = masterKey;
  }

  @Override
  protected void configure() {
    bind(MasterKey.class).toInstance(masterKey);
    var jersey = JerseyComponents.in(binder());
    jersey.addBinding().to(SecretResources.AccountSecrets.class);
    jersey.addBinding().to(SecretResources.OrgSecrets.class);
    jersey.addBinding().to(SecretResources.ProjectSecrets.class);
  }
}
