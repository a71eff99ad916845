package dev.cimanager.app.execution;

import dev.cimanager.app.execution.steps.PushedImage;
import dev.cimanager.app.execution.steps.StepLog;
import dev.cimanager.app.pipelines.BuildAndPushSpec;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.spi.Credentials;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known when a BuildAndPushDockerRegistry step has pushed its image: what SLSA
 * provenance needs, with every expression already resolved.
 *
 * @param codebase the checked-out source, or null when the stage did not clone the codebase
 * @param baseImages the external {@code FROM} images by digest (none for {@code FROM scratch})
 * @param stepStartedAt when the step started
 * @param pushFinishedAt when the registry accepted the last tag
 * @param log the step's log; lines appended here are masked and served with the step's logs
 */
public record ImagePushedEvent(
    ExecutionInfo execution,
    StageInfo stage,
    StepInfo step,
    CodebaseInfo codebase,
    ImageInfo image,
    RegistryAccess registry,
    BuilderVersions builder,
    List<PushedImage.BaseImage> baseImages,
    Instant stepStartedAt,
    Instant pushFinishedAt,
    StepLog log) {

  public ImagePushedEvent {
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(stepStartedAt, "stepStartedAt");
    Objects.requireNonNull(pushFinishedAt, "pushFinishedAt");
    Objects.requireNonNull(log, "log");
    baseImages = List.copyOf(baseImages);
  }

  public Optional<CodebaseInfo> codebaseIfPresent() {
    return Optional.ofNullable(codebase);
  }

  /** {@code <stageIdentifier>.<stepIdentifier>}: the artifact's id in {@code GET .../artifacts}. */
  public String artifactId() {
    return ArtifactIds.of(stage.identifier(), step.identifier());
  }

  /** The execution the step belongs to. */
  public record ExecutionInfo(
      String executionId,
      String accountId,
      String orgIdentifier,
      String projectIdentifier,
      String pipelineIdentifier,
      long sequenceId,
      TriggerInfo trigger) {

    public ExecutionInfo {
      Objects.requireNonNull(executionId, "executionId");
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(orgIdentifier, "orgIdentifier");
      Objects.requireNonNull(projectIdentifier, "projectIdentifier");
      Objects.requireNonNull(pipelineIdentifier, "pipelineIdentifier");
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /**
   * @param triggeredBy the user name (MANUAL) or the trigger's name
   * @param event the webhook event (e.g. {@code push}), null for MANUAL and SCHEDULED
   */
  public record TriggerInfo(TriggerType type, String triggeredBy, String event) {

    public TriggerInfo {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(triggeredBy, "triggeredBy");
    }
  }

  /**
   * The stage and its {@code slsa_provenance} settings ({@link SlsaSettings#DISABLED} when it has
   * none).
   */
  public record StageInfo(String identifier, SlsaSettings slsaProvenance) {

    public StageInfo {
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(slsaProvenance, "slsaProvenance");
    }
  }

  /**
   * A stage's {@code slsa_provenance} with {@code enabled} resolved for this execution.
   *
   * @param privateKeyRef the file secret reference of the Cosign key as written in YAML, or null
   * @param passwordRef the text secret reference of its password as written in YAML, or null
   * @param yamlPath where the block sits in the YAML, for messages (null when the stage has none)
   */
  public record SlsaSettings(
      boolean enabled, String privateKeyRef, String passwordRef, String yamlPath) {

    public static final SlsaSettings DISABLED = new SlsaSettings(false, null, null, null);
  }

  /** The step, with its BuildAndPush spec's expressions resolved (tags, build args, labels). */
  public record StepInfo(String identifier, BuildAndPushSpec spec) {

    public StepInfo {
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(spec, "spec");
    }
  }

  /**
   * The checked-out source.
   *
   * @param repositoryUrl the clone URL without user info
   * @param branch null for a tag build
   * @param tag null for a branch build
   * @param prNumber null unless a pull-request webhook triggered the execution
   * @param commitSha 40 lowercase hex
   * @param commitTime the commit's time (the reproducible build's timestamp)
   */
  public record CodebaseInfo(
      String repositoryUrl,
      String branch,
      String tag,
      String prNumber,
      String commitSha,
      Instant commitTime) {

    public CodebaseInfo {
      Objects.requireNonNull(repositoryUrl, "repositoryUrl");
      Objects.requireNonNull(commitSha, "commitSha");
      Objects.requireNonNull(commitTime, "commitTime");
    }
  }

  /**
   * The pushed image.
   *
   * @param registry {@code host[:port]}, e.g. {@code 127.0.0.1:5000}
   * @param repository e.g. {@code demo/app}
   * @param digest the manifest digest the registry serves for every tag, {@code sha256:<hex>}
   */
  public record ImageInfo(String registry, String repository, List<String> tags, String digest) {

    public ImageInfo {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(digest, "digest");
      tags = List.copyOf(tags);
    }

    /** {@code registry/repository}, e.g. {@code 127.0.0.1:5000/demo/app}. */
    public String image() {
      return registry + "/" + repository;
    }
  }

  /**
   * How to reach the image's registry, as the step did.
   *
   * @param credentials null for anonymous access; {@code toString} hides the password
   * @param insecure whether the registry is reached over plain HTTP
   *     (CI_MANAGER_INSECURE_REGISTRIES)
   */
  public record RegistryAccess(Credentials credentials, boolean insecure) {

    public Optional<Credentials> credentialsIfPresent() {
      return Optional.ofNullable(credentials);
    }
  }

  /**
   * @param ciManager this application's version
   * @param buildah the buildah version that built the image
   */
  public record BuilderVersions(String ciManager, String buildah) {

    public BuilderVersions {
      Objects.requireNonNull(ciManager, "ciManager");
      Objects.requireNonNull(buildah, "buildah");
    }
  }
}
