package dev.cimanager.contracts.policysets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code POST} / {@code PUT /api/v1{S}/policysets[/{id}]}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicySetRequest(String identifier, String name, List<PolicyJson> policies) {}
