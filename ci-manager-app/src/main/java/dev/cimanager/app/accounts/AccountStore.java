package dev.cimanager.app.accounts;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.storage.MongoDocuments;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Date;
import org.bson.Document;

/** Accounts, keyed by their identifier ({@code _id}). */
@Singleton
public final class AccountStore {
  private final MongoCollection<Document> accounts;

  @Inject
  AccountStore(MongoDatabase database) {
    this.accounts = database.getCollection("accounts");
  }

  /**
   * Inserts a new account; {@link AccountException} {@code DUPLICATE} when the identifier is taken.
   */
  public void insert(String identifier, String name, String userName, String userEmail) {
    try {
      accounts.insertOne(
          new Document("_id", identifier)
              .append("name", name)
              .append("user", new Document("name", userName).append("email", userEmail))
              .append("createdAt", new Date()));
    } catch (MongoWriteException e) {
      if (MongoDocuments.isDuplicateKey(e)) {
        throw new AccountException(
            AccountException.Reason.DUPLICATE, "account '" + identifier + "' already exists");
      }
      throw e;
    }
  }
}
