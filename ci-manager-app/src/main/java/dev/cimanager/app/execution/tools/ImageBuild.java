package dev.cimanager.app.execution.tools;

import dev.cimanager.ssca.spi.Credentials;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One build-and-push: expressions already resolved, connector already turned into a registry host
 * and credentials.
 *
 * @param workspace the checked-out source; {@code dockerfile} and {@code context} are relative to
 *     it
 * @param registry {@code host[:port]} of the registry, e.g. {@code 127.0.0.1:5000}
 * @param repository the repository path in it, e.g. {@code demo/app}
 * @param credentials null for anonymous access
 * @param sourceDate the commit time: the image's and its files' times are set to it so one commit
 *     always yields the same digest (SOURCE_DATE_EPOCH semantics)
 */
public record ImageBuild(
    Path workspace,
    String dockerfile,
    String context,
    String registry,
    String repository,
    List<String> tags,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    Credentials credentials,
    Instant sourceDate) {

  public ImageBuild {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(sourceDate, "sourceDate");
    tags = List.copyOf(tags);
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("an image build needs at least one tag");
    }
    buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** {@code registry/repository}, the image name without a tag. */
  public String image() {
    return registry + "/" + repository;
  }
}
