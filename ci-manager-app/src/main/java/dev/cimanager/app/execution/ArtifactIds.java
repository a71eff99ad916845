package dev.cimanager.app.execution;

/** One artifact per BuildAndPush step: its id is {@code <stageIdentifier>.<stepIdentifier>}. */
public final class ArtifactIds {

  private ArtifactIds() {}

  public static String of(String stageIdentifier, String stepIdentifier) {
    return stageIdentifier + "." + stepIdentifier;
  }
}
