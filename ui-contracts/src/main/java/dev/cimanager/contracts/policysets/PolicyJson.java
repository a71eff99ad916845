package dev.cimanager.contracts.policysets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One policy: a CEL {@code expression} true when the provenance complies.
 *
 * @param severity {@code error} (a denial fails the verification) or {@code warning} (reported,
 *     passes)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyJson(
    String identifier, String name, String expression, String message, String severity) {}
