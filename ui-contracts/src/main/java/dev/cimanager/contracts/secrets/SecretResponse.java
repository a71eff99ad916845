package dev.cimanager.contracts.secrets;

/**
 * Secret metadata, never the value. {@code scope} is {@code account|org|project}; {@code reference}
 * is how a pipeline in that scope names it ({@code account.x}, {@code org.x}, {@code x}).
 */
public record SecretResponse(
    String identifier,
    String name,
    SecretType type,
    long version,
    String scope,
    String reference,
    String orgIdentifier,
    String projectIdentifier,
    String createdAt,
    String updatedAt) {}
