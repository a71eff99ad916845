package dev.cimanager.app.execution;

/**
 * Called by the engine right after a BuildAndPushDockerRegistry step pushed its image, inside the step:
 * a thrown {@link dev.cimanager.app.execution.steps.StepFailedException} fails the step (and the stage)
 * with its message; any other exception fails it too, with a message naming the listener's failure.
 *
 * <p>Bind one with {@code ImagePushedListeners.in(binder()).addBinding().to(MyListener.class)}; with none
 * bound the engine just records the pushed image.
 */
public interface ImagePushedListener {
  void onImagePushed(ImagePushedEvent event);
}
