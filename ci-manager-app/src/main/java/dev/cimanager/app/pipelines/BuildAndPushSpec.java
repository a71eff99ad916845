package dev.cimanager.app.pipelines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code BuildAndPushDockerRegistry}: build the image from the workspace and push it with every
 * tag.
 *
 * @param connectorRef the DockerRegistry connector holding the registry URL and credentials
 * @param repo the repository path inside that registry, e.g. {@code demo/app}
 * @param tags at least one; may hold expressions
 * @param dockerfile path relative to the workspace root ({@code Dockerfile} by default)
 * @param context build context relative to the workspace root ({@code .} by default)
 * @param buildArgs values may hold expressions; insertion order kept
 * @param labels values may hold expressions; insertion order kept
 */
public record BuildAndPushSpec(
    String connectorRef,
    String repo,
    List<String> tags,
    String dockerfile,
    String context,
    Map<String, String> buildArgs,
    Map<String, String> labels)
    implements StepSpec {

  public static final String TYPE = "BuildAndPushDockerRegistry";

  public BuildAndPushSpec {
    Objects.requireNonNull(connectorRef, "connectorRef");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(context, "context");
    tags = List.copyOf(tags);
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("a build-and-push step has at least one tag");
    }
    buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * This spec with the expressions in tags, build args and labels replaced by one execution's
   * values.
   *
   * @param specPath the YAML path of this spec, named in errors
   */
  public BuildAndPushSpec resolve(ExpressionResolver resolver, String specPath) {
    List<String> resolvedTags = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      resolvedTags.add(resolver.resolve(tags.get(i), specPath + ".tags[" + i + "]"));
    }
    return new BuildAndPushSpec(
        connectorRef,
        repo,
        resolvedTags,
        dockerfile,
        context,
        resolveValues(buildArgs, resolver, specPath + ".buildArgs"),
        resolveValues(labels, resolver, specPath + ".labels"));
  }

  private static Map<String, String> resolveValues(
      Map<String, String> values, ExpressionResolver resolver, String path) {
    Map<String, String> resolved = new LinkedHashMap<>();
    values.forEach((key, value) -> resolved.put(key, resolver.resolve(value, path + "." + key)));
    return resolved;
  }
}
