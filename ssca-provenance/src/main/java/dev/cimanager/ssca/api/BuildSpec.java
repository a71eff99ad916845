package dev.cimanager.ssca.api;

import java.util.List;
import java.util.Map;

/**
 * The build step's specification as the user wrote it (after expression resolution).
 *
 * @param dockerfile path of the Dockerfile inside the context
 * @param context the build context directory
 * @param buildArgs build arguments in the order given
 * @param labels image labels in the order given
 * @param tags the tags the step pushed
 */
public record BuildSpec(
    String dockerfile,
    String context,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    List<String> tags) {
  public BuildSpec {
    dockerfile = Require.text(dockerfile, "build.dockerfile");
    context = Require.text(context, "build.context");
    buildArgs = Require.orderedMap(buildArgs, "build.buildArgs");
    labels = Require.orderedMap(labels, "build.labels");
    tags = Require.texts(tags, "build.tags");
  }
}
