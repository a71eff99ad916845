package dev.cimanager.app.triggers;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The due times schedules fired, in Mongo ({@code _id} {@code <trigger id>@<due time>}): inserting the id is
 * the claim, so of several instances sharing the database exactly one starts the run of a due time.
 */
@Singleton
public final class ScheduleFires {

  private final MongoCollection<Document> fires;

  @Inject
  ScheduleFires(MongoDatabase database) {
    this.fires = database.getCollection("schedule_fires");
  }

  static String idOf(String triggerId, Instant due) {
    return triggerId + "@" + due;
  }

  /** @return true when this call claimed the due time, false when another call (or instance) had */
  boolean claim(String triggerId, Instant due, Instant now) {
    try {
      fires.insertOne(new Document("_id", idOf(triggerId, due)).append("triggerId", triggerId)
          .append("dueAt", Date.from(due)).append("claimedAt", Date.from(now)));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  void record(String triggerId, Instant due, String executionId, String failure) {
    fires.updateOne(Filters.eq("_id", idOf(triggerId, due)),
        Updates.combine(Updates.set("executionId", executionId), Updates.set("failure", failure)));
  }
}
