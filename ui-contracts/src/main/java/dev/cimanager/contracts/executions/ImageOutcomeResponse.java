package dev.cimanager.contracts.executions;

import java.util.List;

/**
 * An image a step pushed: {@code image} is {@code host[:port]/repository}, {@code digest} {@code
 * sha256:<hex>}.
 */
public record ImageOutcomeResponse(
    String artifactId, String image, List<String> tags, String digest) {}
