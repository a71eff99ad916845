package dev.cimanager.app.accounts;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.function.Supplier;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;

/** Lets resources declare {@code @Context Caller caller}. */
public final class CallerBinder extends AbstractBinder {
  @Override
  protected void configure() {
    bindFactory(CallerSupplier.class).to(Caller.class).in(RequestScoped.class);
  }

  static final class CallerSupplier implements Supplier<Caller> {
    private final ContainerRequestContext request;

    @Inject
    CallerSupplier(ContainerRequestContext request) {
      this.request = request;
    }

    @Override
    public Caller get() {
      Caller caller = (Caller) request.getProperty(Caller.REQUEST_PROPERTY);
      if (caller == null) {
        // A resource marked @Unauthenticated asked for a caller: a programming error, not bad
        // input.
        throw new IllegalStateException("no authenticated caller on this request");
      }
      return caller;
    }
  }
}
