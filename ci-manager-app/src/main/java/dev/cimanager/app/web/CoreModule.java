package dev.cimanager.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import dev.cimanager.app.config.DataDirectory;
import dev.cimanager.app.config.InsecureRegistries;
import java.time.Clock;

/**
 * What every concern may inject: Dropwizard's {@link ObjectMapper} (the one JSON mapper), the data
 * directory, the insecure registries and the {@link Clock}. Also the root redirect to the UI.
 */
public final class CoreModule extends AbstractModule {
  private final ObjectMapper objectMapper;
  private final DataDirectory dataDirectory;
  private final InsecureRegistries insecureRegistries;

  public CoreModule(
      ObjectMapper objectMapper,
      DataDirectory dataDirectory,
      InsecureRegistries insecureRegistries) {
    this.objectMapper = objectMapper;
    this.dataDirectory = dataDirectory;
    this.insecureRegistries = insecureRegistries;
  }

  @Override
  protected void configure() {
    bind(ObjectMapper.class).toInstance(objectMapper);
    bind(DataDirectory.class).toInstance(dataDirectory);
    bind(InsecureRegistries.class).toInstance(insecureRegistries);
    bind(Clock.class).toInstance(Clock.systemUTC());
    JerseyComponents.in(binder()).addBinding().to(RootRedirectResource.class);
  }
}
