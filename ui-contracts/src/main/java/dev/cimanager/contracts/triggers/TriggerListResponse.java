package dev.cimanager.contracts.triggers;

import java.util.List;

/** A pipeline's triggers by identifier. */
public record TriggerListResponse(List<TriggerResponse> triggers) {}
