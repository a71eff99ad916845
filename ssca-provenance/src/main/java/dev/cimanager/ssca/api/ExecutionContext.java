package dev.cimanager.ssca.api;

import dev.cimanager.ssca.spi.SecretScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the provenance states about one build-and-push step of one pipeline execution.
 * Immutable; every component is validated here, so the builders downstream cannot fail on input.
 *
 * @param accountId the account the pipeline belongs to
 * @param orgIdentifier the pipeline's org
 * @param projectIdentifier the pipeline's project
 * @param pipelineIdentifier the pipeline
 * @param executionId the execution (the build invocation)
 * @param sequenceId the execution's run number within the pipeline (1, 2, ...)
 * @param trigger what started the execution
 * @param codebase the cloned source; null when the stage does not clone a codebase
 * @param stageIdentifier the Build stage
 * @param stepIdentifier the build-and-push step
 * @param build the step's build specification
 * @param image the pushed image: the subject
 * @param baseImages base images the build resolved, by digest; empty when unknown
 * @param builderVersions tool name to version, in the order to show ({@code ci-manager}, {@code
 *     buildah})
 * @param startedOn when the step started
 * @param finishedOn when the step finished (the image was pushed)
 */
public record ExecutionContext(
    String accountId,
    String orgIdentifier,
    String projectIdentifier,
    String pipelineIdentifier,
    String executionId,
    long sequenceId,
    Trigger trigger,
    Codebase codebase,
    String stageIdentifier,
    String stepIdentifier,
    BuildSpec build,
    PushedImage image,
    List<BaseImage> baseImages,
    Map<String, String> builderVersions,
    Instant startedOn,
    Instant finishedOn) {

  public ExecutionContext {
    Require.text(accountId, "accountId");
    Require.text(orgIdentifier, "orgIdentifier");
    Require.text(projectIdentifier, "projectIdentifier");
    Require.text(pipelineIdentifier, "pipelineIdentifier");
    Require.text(executionId, "executionId");
    if (sequenceId < 1) {
      throw new IllegalArgumentException("sequenceId must be at least 1 but was " + sequenceId);
    }
    Require.present(trigger, "trigger");
    Require.text(stageIdentifier, "stageIdentifier");
    Require.text(stepIdentifier, "stepIdentifier");
    Require.present(build, "build");
    Require.present(image, "image");
    baseImages = baseImages == null ? List.of() : List.copyOf(baseImages);
    builderVersions = Require.orderedMap(builderVersions, "builderVersions");
    if (builderVersions.isEmpty()) {
      throw new IllegalArgumentException(
          "builderVersions must name at least the ci-manager version");
    }
    Require.present(startedOn, "startedOn");
    Require.present(finishedOn, "finishedOn");
    if (finishedOn.isBefore(startedOn)) {
      throw new IllegalArgumentException(
          "finishedOn (" + finishedOn + ") must not be before startedOn (" + startedOn + ")");
    }
  }

  /**
   * The scope secret references of this execution resolve in ({@code account.x}, {@code org.x},
   * {@code x}).
   */
  public SecretScope secretScope() {
    return new SecretScope(accountId, orgIdentifier, projectIdentifier);
  }
}
