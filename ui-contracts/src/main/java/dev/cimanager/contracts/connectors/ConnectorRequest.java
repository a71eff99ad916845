package dev.cimanager.contracts.connectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * {@code POST /api/v1{S}/connectors} in the Harness shape. {@code spec} depends on {@code type}
 * ({@code DockerRegistry}: dockerRegistryUrl, providerType, auth; {@code Git}: url, connectionType,
 * authentication); the app validates it field by field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectorRequest(
    String identifier, String name, String description, String type, Map<String, Object> spec) {}
