package dev.cimanager.contracts.triggers;

import java.util.List;

/** 202 to a webhook delivery: the executions it started (empty when the event matched nothing). */
public record WebhookResponse(List<String> executionIds) {}
