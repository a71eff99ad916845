package dev.cimanager.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cimanager.ssca.api.BuilderIdentity;

/**
 * {@code provenance:} in the YAML: the builder identity the SLSA provenance states, so that
 * policies can pin "built by our CI". {@code builderId} is {@code runDetails.builder.id}
 * (CI_MANAGER_BUILDER_ID); {@code buildTypeBaseUrl} is the host and path prefix of {@code
 * buildDefinition.buildType} (CI_MANAGER_BUILD_TYPE_BASE_URL). Empty keeps today's values.
 */
public class ProvenanceSettings {
  private String builderId = "";
  private String buildTypeBaseUrl = "";

  @JsonProperty
  public String getBuilderId() {
    return builderId;
  }

  @JsonProperty
  public void setBuilderId(String builderId) {
    this.builderId = builderId == null ? "" : builderId.trim();
  }

  @JsonProperty
  public String getBuildTypeBaseUrl() {
    return buildTypeBaseUrl;
  }

  @JsonProperty
  public void setBuildTypeBaseUrl(String buildTypeBaseUrl) {
    this.buildTypeBaseUrl = buildTypeBaseUrl == null ? "" : buildTypeBaseUrl.trim();
  }

  /**
   * @throws IllegalArgumentException when a value is not an absolute https URI (start-up fails)
   */
  public BuilderIdentity identity() {
    return new BuilderIdentity(
        builderId.isEmpty() ? BuilderIdentity.DEFAULT.builderId() : builderId,
        buildTypeBaseUrl.isEmpty() ? BuilderIdentity.DEFAULT.buildTypeBaseUrl() : buildTypeBaseUrl);
  }
}
