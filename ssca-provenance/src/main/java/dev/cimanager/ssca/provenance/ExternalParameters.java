package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The user-controlled inputs (names kept from the Harness provenance users know). */
@JsonPropertyOrder({"codeMetadata", "triggerMetadata", "buildMetadata"})
public record ExternalParameters(
    CodeMetadata codeMetadata, TriggerMetadata triggerMetadata, BuildMetadata buildMetadata) {

  /** Null fields are omitted: a build without a codebase has no {@code codeMetadata}. */
  @JsonPropertyOrder({"repositoryURL", "branch", "tag", "prNumber", "commitSha"})
  public record CodeMetadata(
      String repositoryURL, String branch, String tag, String prNumber, String commitSha) {}

  @JsonPropertyOrder({"triggerType", "triggeredBy", "triggerEvent"})
  public record TriggerMetadata(String triggerType, String triggeredBy, String triggerEvent) {}

  @JsonPropertyOrder({"image", "dockerfile", "context", "buildArgs", "labels", "tags"})
  public record BuildMetadata(
      String image,
      String dockerfile,
      String context,
      Map<String, String> buildArgs,
      Map<String, String> labels,
      List<String> tags) {}
}
