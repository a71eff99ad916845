package dev.cimanager.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;

/**
 * {@code mongo:} in the YAML. An empty {@code uri} selects the embedded server in the data
 * directory.
 */
public class MongoSettings {
  private String uri = "";

  @Pattern(
      regexp = "[A-Za-z0-9_-]{1,63}",
      message = "must be 1 to 63 letters, digits, '_' or '-' (a MongoDB database name)")
  private String database = "ci_manager";

  @JsonProperty
  public String getUri() {
    return uri;
  }

  @JsonProperty
  public void setUri(String uri) {
    this.uri = uri == null ? "" : uri.trim();
  }

  @JsonProperty
  public String getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(String database) {
    this.database = database;
  }

  @Override
  public String toString() {
    // The URI may carry credentials.
    return "MongoSettings[uri="
        + (uri.isEmpty() ? "(embedded)" : "***")
        + ", database="
        + database
        + "]";
  }
}
