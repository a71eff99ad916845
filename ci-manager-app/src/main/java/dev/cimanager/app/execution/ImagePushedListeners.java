package dev.cimanager.app.execution;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/** The Guice set of {@link ImagePushedListener}s the engine calls; empty by default (no-op). */
public final class ImagePushedListeners {

  private ImagePushedListeners() {}

  /**
   * The set binder to add a listener to: {@code
   * ImagePushedListeners.in(binder()).addBinding().to(...)}.
   */
  public static Multibinder<ImagePushedListener> in(Binder binder) {
    return Multibinder.newSetBinder(binder, ImagePushedListener.class);
  }
}
