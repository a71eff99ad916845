package dev.cimanager.contracts.connectors;

import java.util.Map;

/** A stored connector: the request's fields plus where it lives and how pipelines reference it. */
public record ConnectorResponse(
    String identifier,
    String name,
    String description,
    String type,
    Map<String, Object> spec,
    String scope,
    String reference,
    String orgIdentifier,
    String projectIdentifier) {}
