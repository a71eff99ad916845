package dev.cimanager.app.secrets;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.contracts.secrets.SecretResponse;
import dev.cimanager.contracts.secrets.SecretType;
import java.time.Instant;

/** What may be shown about a stored secret: everything but its value. */
public record SecretMetadata(
    Scope scope,
    String identifier,
    String name,
    SecretType type,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public SecretResponse toResponse() {
    return new SecretResponse(
        identifier,
        name,
        type,
        version,
        scope.level().jsonName(),
        scope.referenceTo(identifier),
        scope.orgId(),
        scope.projectId(),
        createdAt.toString(),
        updatedAt.toString());
  }
}
