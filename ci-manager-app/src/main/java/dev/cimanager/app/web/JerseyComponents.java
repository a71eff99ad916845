package dev.cimanager.app.web;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * How a Guice module contributes Jersey resources, filters and providers: {@code
 * JerseyComponents.in(binder()).addBinding().to(MyResource.class)}. The application registers every
 * instance of the set with Jersey, so a new concern only adds its module to the application's list.
 */
public final class JerseyComponents {
  @Qualifier
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Component {}

  private JerseyComponents() {}

  public static Multibinder<Object> in(Binder binder) {
    return Multibinder.newSetBinder(binder, Object.class, Component.class);
  }
}
