package dev.cimanager.app.secrets;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.storage.MongoDocuments;
import dev.cimanager.contracts.secrets.SecretType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Secrets in Mongo, encrypted by {@link SecretCipher}. {@code _id} is {@code <scope
 * key>:<identifier>} (e.g. {@code acme/default/app:cosign_key}), so every single-secret operation
 * is a unique-key lookup. Only the current version is kept; PUT replaces the ciphertext and
 * increments {@code version}.
 */
@Singleton
public final class SecretStore {
  private final MongoCollection<Document> secrets;
  private final SecretCipher cipher;
  private final Clock clock;

  @Inject
  SecretStore(MongoDatabase database, SecretCipher cipher, Clock clock) {
    this.secrets = database.getCollection("secrets");
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * Stores a new secret (version 1); {@link SecretException} {@code DUPLICATE} when the scope
   * already has it.
   */
  public SecretMetadata create(
      Scope scope, String identifier, String name, SecretType type, byte[] value) {
    String id = scope.idOf(identifier);
    EncryptedValue encrypted = cipher.encrypt(value, id, 1L);
    Date now = Date.from(clock.instant());
    Document doc =
        new Document("_id", id)
            .append("accountId", scope.accountId())
            .append("orgId", scope.orgId())
            .append("projectId", scope.projectId())
            .append("scopeKey", scope.key())
            .append("identifier", identifier)
            .append("name", name)
            .append("type", type.name())
            .append("version", 1L)
            .append("wrappedKey", new Binary(encrypted.wrappedKey()))
            .append("ciphertext", new Binary(encrypted.ciphertext()))
            .append("createdAt", now)
            .append("updatedAt", now);
    try {
      secrets.insertOne(doc);
    } catch (MongoWriteException e) {
      if (MongoDocuments.isDuplicateKey(e)) {
        throw new SecretException(
            SecretException.Reason.DUPLICATE,
            "secret '" + identifier + "' already exists at " + scope.level().jsonName() + " scope");
      }
      throw e;
    }
    return toMetadata(scope, doc);
  }

  /** Replaces name and value, incrementing the version; the type cannot change. */
  public SecretMetadata update(
      Scope scope, String identifier, String name, SecretType type, byte[] value) {
    SecretMetadata existing =
        find(scope, identifier).orElseThrow(() -> notFound(scope, identifier));
    if (existing.type() != type) {
      throw new SecretException(
          SecretException.Reason.WRONG_TYPE,
          "secret '"
              + identifier
              + "' is a "
              + existing.type()
              + "; update it with a "
              + existing.type()
              + " body ("
              + (existing.type() == SecretType.SecretFile ? "multipart/form-data" : "JSON")
              + ")");
    }
    String id = scope.idOf(identifier);
    // The ciphertext is bound to the version it is stored as, so the update only applies over the
    // version it was encrypted after; a concurrent update makes it read the new version and encrypt
    // again.
    for (long current = existing.version(); ; ) {
      EncryptedValue encrypted = cipher.encrypt(value, id, current + 1);
      Document updated =
          secrets.findOneAndUpdate(
              Filters.and(Filters.eq("_id", id), Filters.eq("version", current)),
              Updates.combine(
                  Updates.set("name", name),
                  Updates.set("wrappedKey", new Binary(encrypted.wrappedKey())),
                  Updates.set("ciphertext", new Binary(encrypted.ciphertext())),
                  Updates.set("updatedAt", Date.from(clock.instant())),
                  Updates.set("version", current + 1)),
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (updated != null) {
        return toMetadata(scope, updated);
      }
      current = find(scope, identifier).orElseThrow(() -> notFound(scope, identifier)).version();
    }
  }

  public void delete(Scope scope, String identifier) {
    if (secrets.deleteOne(Filters.eq("_id", scope.idOf(identifier))).getDeletedCount() == 0) {
      throw notFound(scope, identifier);
    }
  }

  public Optional<SecretMetadata> find(Scope scope, String identifier) {
    return Optional.ofNullable(secrets.find(Filters.eq("_id", scope.idOf(identifier))).first())
        .map(doc -> toMetadata(scope, doc));
  }

  /**
   * The scope's secrets, optionally of one type, by identifier. A scan on the embedded server:
   * rare.
   */
  public List<SecretMetadata> list(Scope scope, Optional<SecretType> type) {
    List<SecretMetadata> result = new ArrayList<>();
    secrets
        .find(Filters.eq("scopeKey", scope.key()))
        .projection(new Document("wrappedKey", 0).append("ciphertext", 0))
        .forEach(doc -> result.add(toMetadata(scope, doc)));
    return result.stream()
        .filter(secret -> type.isEmpty() || secret.type() == type.get())
        .sorted(Comparator.comparing(SecretMetadata::identifier))
        .toList();
  }

  /** The decrypted value and its metadata; empty when the secret does not exist. */
  Optional<DecryptedSecret> read(Scope scope, String identifier) {
    String id = scope.idOf(identifier);
    Document doc = secrets.find(Filters.eq("_id", id)).first();
    if (doc == null) {
      return Optional.empty();
    }
    byte[] value =
        cipher.decrypt(
            new EncryptedValue(
                doc.get("wrappedKey", Binary.class).getData(),
                doc.get("ciphertext", Binary.class).getData()),
            id,
            ((Number) doc.get("version")).longValue());
    return Optional.of(new DecryptedSecret(toMetadata(scope, doc), value));
  }

  record DecryptedSecret(SecretMetadata metadata, byte[] value) {
    @Override
    public String toString() {
      return "DecryptedSecret[" + metadata + ", value=***]";
    }
  }

  static SecretException notFound(Scope scope, String identifier) {
    return new SecretException(
        SecretException.Reason.NOT_FOUND,
        "secret '" + identifier + "' not found at " + scope.level().jsonName() + " scope");
  }

  private static SecretMetadata toMetadata(Scope scope, Document doc) {
    return new SecretMetadata(
        scope,
        doc.getString("identifier"),
        doc.getString("name"),
        SecretType.valueOf(doc.getString("type")),
        ((Number) doc.get("version")).longValue(),
        doc.getDate("createdAt").toInstant(),
        doc.getDate("updatedAt").toInstant());
  }
}
