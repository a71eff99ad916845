package dev.cimanager.app.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Small helpers shared by the Mongo stores. */
public final class MongoDocuments {
  private MongoDocuments() {}

  /** Whether an insert failed because the {@code _id} (or another unique key) already exists. */
  public static boolean isDuplicateKey(MongoWriteException e) {
    return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }
}
