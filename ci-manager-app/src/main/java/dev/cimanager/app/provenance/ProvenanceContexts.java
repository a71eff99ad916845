package dev.cimanager.app.provenance;

import dev.cimanager.app.execution.ImagePushedEvent;
import dev.cimanager.app.execution.steps.PushedImage;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.api.BaseImage;
import dev.cimanager.ssca.api.BuildSpec;
import dev.cimanager.ssca.api.Codebase;
import dev.cimanager.ssca.api.ExecutionContext;
import dev.cimanager.ssca.api.Trigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's {@link ImagePushedEvent} as the SSCA module's {@link ExecutionContext}: the whole
 * context.
 */
final class ProvenanceContexts {
  static final String CI_MANAGER = "ci-manager";
  static final String BUILDAH = "buildah";

  private ProvenanceContexts() {}

  /**
   * @throws IllegalArgumentException naming the field the module refused
   */
  static ExecutionContext of(ImagePushedEvent event) {
    ImagePushedEvent.ExecutionInfo execution = event.execution();
    ImagePushedEvent.TriggerInfo trigger = execution.trigger();
    BuildAndPushSpec spec = event.step().spec();
    ImagePushedEvent.ImageInfo image = event.image();
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put(CI_MANAGER, event.builder().ciManager());
    versions.put(BUILDAH, event.builder().buildah());
    return new ExecutionContext(
        execution.accountId(),
        execution.orgIdentifier(),
        execution.projectIdentifier(),
        execution.pipelineIdentifier(),
        execution.executionId(),
        execution.sequenceId(),
        new Trigger(
            TriggerType.valueOf(trigger.type().name()), trigger.triggeredBy(), trigger.event()),
        event.codebaseIfPresent().map(ProvenanceContexts::codebase).orElse(null),
        event.stage().identifier(),
        event.step().identifier(),
        new BuildSpec(
            spec.dockerfile(), spec.context(), spec.buildArgs(), spec.labels(), image.tags()),
        new dev.cimanager.ssca.api.PushedImage(
            image.registry(), image.repository(), image.tags(), image.digest()),
        baseImages(event.baseImages()),
        versions,
        event.stepStartedAt(),
        event.pushFinishedAt());
  }

  private static Codebase codebase(ImagePushedEvent.CodebaseInfo code) {
    return new Codebase(
        code.repositoryUrl(), code.branch(), code.tag(), code.prNumber(), code.commitSha());
  }

  private static List<BaseImage> baseImages(List<PushedImage.BaseImage> bases) {
    return bases.stream()
        .map(base -> new BaseImage(nameOf(base.reference()), base.digest()))
        .toList();
  }

  /**
   * {@code host/repo:tag} or {@code host/repo@sha256:..} without the tag or digest: the
   * dependency's name.
   */
  static String nameOf(String reference) {
    int at = reference.indexOf('@');
    String name = at < 0 ? reference : reference.substring(0, at);
    int colon = name.lastIndexOf(':');
    // a colon after the last '/' starts a tag; one before it is a registry port
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }
}
