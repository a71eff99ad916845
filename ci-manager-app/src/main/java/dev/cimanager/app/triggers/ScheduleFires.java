package dev.cimanager.app.triggers;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The due times schedules fired, in Mongo ({@code _id} {@code <trigger id>@<due time>}): inserting
 * the id is the claim, so of several instances sharing the database exactly one starts the run of a
 * due time.
 */
@Singleton
public final class ScheduleFires {

  static final Duration KEPT = Duration.ofHours(1);

  private final MongoCollection<Document> fires;

  @Inject
  ScheduleFires(MongoDatabase database) {
    this.fires = database.getCollection("schedule_fires");
  }

  static String idOf(String triggerId, Instant due) {
    return triggerId + "@" + due;
  }

  /**
   * @return true when this call claimed the due time, false when another call (or instance) had
   */
  boolean claim(String triggerId, Instant due, Instant now) {
    try {
      fires.insertOne(
          new Document("_id", idOf(triggerId, due))
              .append("triggerId", triggerId)
              .append("dueAt", Date.from(due))
              .append("claimedAt", Date.from(now)));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Forgets the claims of {@code triggerId} due more than {@link #KEPT} before {@code due}, so the
   * collection holds about one claim per trigger and hour. Claims are only ever made for the latest
   * due time, so an older one is never claimed again by an instance whose clock is within that much
   * of the others'.
   */
  void prune(String triggerId, Instant due) {
    fires.deleteMany(
        Filters.and(
            Filters.eq("triggerId", triggerId), Filters.lt("dueAt", Date.from(due.minus(KEPT)))));
  }

  void record(String triggerId, Instant due, String executionId, String failure) {
    fires.updateOne(
        Filters.eq("_id", idOf(triggerId, due)),
        Updates.combine(Updates.set("executionId", executionId), Updates.set("failure", failure)));
  }
}
