package dev.cimanager.app.execution;

import dev.cimanager.app.execution.steps.StepLog;

/**
 * Called by the engine inside a BuildAndPushDockerRegistry step: {@link #beforeBuild} before the
 * image is built, {@link #onImagePushed} right after it was pushed. A thrown {@link
 * dev.cimanager.app.execution.steps.StepFailedException} fails the step (and the stage) with its
 * message; any other exception fails it too, with a message naming the listener's failure. A
 * failure in {@code beforeBuild} means nothing is built or pushed.
 *
 * <p>Bind one with {@code ImagePushedListeners.in(binder()).addBinding().to(MyListener.class)};
 * with none bound the engine just records the pushed image.
 */
public interface ImagePushedListener {

  /**
   * Checks what {@link #onImagePushed} will need, so a failure stops the step before anything is
   * pushed.
   */
  default void beforeBuild(
      ImagePushedEvent.ExecutionInfo execution, ImagePushedEvent.StageInfo stage, StepLog log) {}

  void onImagePushed(ImagePushedEvent event);
}
