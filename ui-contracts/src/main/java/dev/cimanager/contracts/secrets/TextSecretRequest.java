package dev.cimanager.contracts.secrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code POST/PUT /api/v1{S}/secrets/text}; {@code value} may be empty (empty passwords are valid).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextSecretRequest(String identifier, String name, String value) {
  @Override
  public String toString() {
    return "TextSecretRequest[identifier=" + identifier + ", name=" + name + ", value=***]";
  }
}
