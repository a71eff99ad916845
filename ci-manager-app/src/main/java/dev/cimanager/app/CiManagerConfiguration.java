package dev.cimanager.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cimanager.app.config.MongoSettings;
import dev.cimanager.app.config.ProvenanceSettings;
import dev.cimanager.app.config.SecuritySettings;
import dev.cimanager.app.execution.ExecutionSettings;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The whole configuration tree, as read from {@code config/ci-manager.yml}. Only the application
 * class sees it; Guice modules get the slices they need.
 */
public class CiManagerConfiguration extends Configuration {
  @NotEmpty private String dataDir = "./data";
  @Valid @NotNull private MongoSettings mongo = new MongoSettings();
  @Valid @NotNull private SecuritySettings security = new SecuritySettings();
  @NotNull private String insecureRegistries = "";
  @Valid @NotNull private ExecutionSettings execution = new ExecutionSettings();
  @NotNull private String gitLocalRoot = "";
  @NotNull private String allowedPrivateHosts = "";
  @Valid @NotNull private ProvenanceSettings provenance = new ProvenanceSettings();

  @JsonProperty
  public String getDataDir() {
    return dataDir;
  }

  @JsonProperty
  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  @JsonProperty
  public MongoSettings getMongo() {
    return mongo;
  }

  @JsonProperty
  public void setMongo(MongoSettings mongo) {
    this.mongo = mongo;
  }

  @JsonProperty
  public SecuritySettings getSecurity() {
    return security;
  }

  @JsonProperty
  public void setSecurity(SecuritySettings security) {
    this.security = security;
  }

  /**
   * Comma-separated {@code host:port} list reached over plain HTTP
   * (CI_MANAGER_INSECURE_REGISTRIES).
   */
  @JsonProperty
  public String getInsecureRegistries() {
    return insecureRegistries;
  }

  @JsonProperty
  public void setInsecureRegistries(String insecureRegistries) {
    this.insecureRegistries = insecureRegistries == null ? "" : insecureRegistries;
  }

  /** The execution engine: worker count and command timeout. */
  @JsonProperty
  public ExecutionSettings getExecution() {
    return execution;
  }

  @JsonProperty
  public void setExecution(ExecutionSettings execution) {
    this.execution = execution;
  }

  /**
   * The folder of local Git repositories (CI_MANAGER_GIT_LOCAL_ROOT); empty refuses {@code file://}
   * Git URLs.
   */
  @JsonProperty
  public String getGitLocalRoot() {
    return gitLocalRoot;
  }

  @JsonProperty
  public void setGitLocalRoot(String gitLocalRoot) {
    this.gitLocalRoot = gitLocalRoot == null ? "" : gitLocalRoot;
  }

  /**
   * Comma-separated {@code host[:port]} that connectors may reach although they resolve to
   * loopback, link-local or private addresses (CI_MANAGER_ALLOWED_PRIVATE_HOSTS).
   */
  @JsonProperty
  public String getAllowedPrivateHosts() {
    return allowedPrivateHosts;
  }

  @JsonProperty
  public void setAllowedPrivateHosts(String allowedPrivateHosts) {
    this.allowedPrivateHosts = allowedPrivateHosts == null ? "" : allowedPrivateHosts;
  }

  /** The builder identity SLSA provenance states. */
  @JsonProperty
  public ProvenanceSettings getProvenance() {
    return provenance;
  }

  @JsonProperty
  public void setProvenance(ProvenanceSettings provenance) {
    this.provenance = provenance;
  }
}
