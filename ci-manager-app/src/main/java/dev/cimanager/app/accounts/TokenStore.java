package dev.cimanager.app.accounts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * API tokens, stored only as SHA-256 hashes: {@code _id} is the hex hash, so a lookup is one
 * unique-key read. A token is {@code cim_} + 32 random bytes (base64url), shown once at creation;
 * {@code tokenId} names it for listing and revoking.
 *
 * <p>Every request reads its token from the database (no cache), so a revoked (deleted) or expired
 * token is refused at once by every instance sharing the database.
 */
@Singleton
public final class TokenStore {
  private static final String PREFIX = "cim_";

  /**
   * {@code lastUsedAt} is rewritten at most this often: a write per request would cost every
   * request.
   */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final MongoCollection<Document> tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** What creating a token answers: the value, shown this once. */
  public record CreatedToken(TokenInfo info, String token) {}

  /**
   * A token as listed: never its value or hash. {@code expiresAt} and {@code lastUsedAt} may be
   * null.
   */
  public record TokenInfo(
      String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}

  @Inject
  TokenStore(MongoDatabase database, Clock clock) {
    this.tokens = database.getCollection("tokens");
    this.clock = clock;
  }

  /** Creates the token an account's creation answers (no expiry); returns its value. */
  public String create(Caller caller) {
    return create(caller, "account creation", null).token();
  }

  /**
   * Creates a token acting as {@code caller}; only its hash is kept. {@code expiresAt} may be null.
   */
  public CreatedToken create(Caller caller, String name, Instant expiresAt) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String tokenId = newTokenId();
    Instant now = clock.instant();
    tokens.insertOne(
        new Document("_id", hash(token))
            .append("tokenId", tokenId)
            .append("name", name)
            .append("accountId", caller.accountId())
            .append("userName", caller.userName())
            .append("userEmail", caller.userEmail())
            .append("createdAt", Date.from(now))
            .append("expiresAt", expiresAt == null ? null : Date.from(expiresAt)));
    return new CreatedToken(new TokenInfo(tokenId, name, now, expiresAt, null), token);
  }

  /** The caller a valid token acts as; empty when it is unknown, revoked or expired. */
  public Optional<Caller> find(String token) {
    Document doc = tokens.find(Filters.eq("_id", hash(token))).first();
    if (doc == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Date expiresAt = doc.getDate("expiresAt");
    if (expiresAt != null && !now.isBefore(expiresAt.toInstant())) {
      return Optional.empty();
    }
    Date lastUsed = doc.getDate("lastUsedAt");
    if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(LAST_USED_RESOLUTION))) {
      tokens.updateOne(
          Filters.eq("_id", doc.getString("_id")), Updates.set("lastUsedAt", Date.from(now)));
    }
    return Optional.of(
        new Caller(
            doc.getString("accountId"), doc.getString("userName"), doc.getString("userEmail")));
  }

  /** When the stored token {@code token} expires; empty when it does not (or is unknown). */
  public Optional<Instant> expiryOf(String token) {
    Document doc = tokens.find(Filters.eq("_id", hash(token))).first();
    return Optional.ofNullable(doc == null ? null : instant(doc.getDate("expiresAt")));
  }

  /**
   * An account's tokens, oldest first (a scan: listing is rare). A token stored before tokens had
   * ids gets one here, so it can be revoked like the others.
   */
  public List<TokenInfo> list(String accountId) {
    List<TokenInfo> result = new ArrayList<>();
    tokens
        .find(Filters.eq("accountId", accountId))
        .forEach(
            doc -> {
              if (doc.getString("tokenId") == null) {
                String tokenId = newTokenId();
                tokens.updateOne(
                    Filters.and(
                        Filters.eq("_id", doc.getString("_id")), Filters.exists("tokenId", false)),
                    Updates.set("tokenId", tokenId));
                doc = tokens.find(Filters.eq("_id", doc.getString("_id"))).first();
              }
              if (doc != null) {
                result.add(info(doc));
              }
            });
    result.sort(
        Comparator.comparing(
            TokenInfo::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    return result;
  }

  /** Deletes the account's token {@code tokenId}; false when the account has no such token. */
  public boolean revoke(String accountId, String tokenId) {
    return tokens
            .deleteOne(
                Filters.and(Filters.eq("accountId", accountId), Filters.eq("tokenId", tokenId)))
            .getDeletedCount()
        > 0;
  }

  private String newTokenId() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return "tok_" + HexFormat.of().formatHex(bytes);
  }

  private static TokenInfo info(Document doc) {
    return new TokenInfo(
        doc.getString("tokenId"),
        doc.getString("name"),
        instant(doc.getDate("createdAt")),
        instant(doc.getDate("expiresAt")),
        instant(doc.getDate("lastUsedAt")));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
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
