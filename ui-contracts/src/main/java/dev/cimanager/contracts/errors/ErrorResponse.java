package dev.cimanager.contracts.errors;

/** Every 4xx/5xx body: {@code {"code":"UPPER_SNAKE","message":"human sentence"}}. */
public record ErrorResponse(String code, String message) {}
