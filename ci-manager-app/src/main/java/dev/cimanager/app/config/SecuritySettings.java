package dev.cimanager.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code security:} in the YAML: the master key for secrets at rest (CI_MANAGER_MASTER_KEY) and the
 * bootstrap admin token (CI_MANAGER_ADMIN_TOKEN). Both may be empty; see {@code MasterKeys} and
 * {@code AdminToken} for what that means.
 */
public class SecuritySettings {
  private String masterKey = "";
  private String adminToken = "";

  @JsonProperty
  public String getMasterKey() {
    return masterKey;
  }

  @JsonProperty
  public void setMasterKey(String masterKey) {
    this.masterKey = masterKey == null ? "" : masterKey.trim();
  }

  @JsonProperty
  public String getAdminToken() {
    return adminToken;
  }

  @JsonProperty
  public void setAdminToken(String adminToken) {
    this.adminToken = adminToken == null ? "" : adminToken.trim();
  }

  @Override
  public String toString() {
    return "SecuritySettings[masterKey=***, adminToken=***]";
  }
}
