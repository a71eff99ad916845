package dev.cimanager.app.accounts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;

/**
 * API tokens, stored only as SHA-256 hashes: {@code _id} is the hex hash, so a lookup is one unique-key
 * read. A token is {@code cim_} + 32 random bytes (base64url), shown once at creation.
 */
@Singleton
public final class TokenStore {
  private static final String PREFIX = "cim_";
  private final MongoCollection<Document> tokens;
  private final SecureRandom random = new SecureRandom();

  @Inject
  TokenStore(MongoDatabase database) {
    this.tokens = database.getCollection("tokens");
  }

  /** Creates a token acting as {@code caller} and returns it; only its hash is kept. */
  public String create(Caller caller) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.insertOne(
        new Document("_id", hash(token))
            .append("accountId", caller.accountId())
            .append("userName", caller.userName())
            .append("userEmail", caller.userEmail())
            .append("createdAt", new Date()));
    return token;
  }

  public Optional<Caller> find(String token) {
    Document doc = tokens.find(Filters.eq("_id", hash(token))).first();
    if (doc == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Caller(doc.getString("accountId"), doc.getString("userName"), doc.getString("userEmail")));
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
