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
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The deliveries each webhook trigger received, in Mongo ({@code _id} {@code <trigger id>#<delivery
 * id>}): the de-duplication (the first insert of a delivery id wins, on any instance; a second one
 * finds the first's record) and the log an operator reads to see why a delivery started nothing. No
 * bodies, no secrets.
 */
@Singleton
public final class WebhookDeliveries {

  static final String RECEIVED = "RECEIVED";

  /**
   * How long a redelivery waits for a concurrent first delivery of the same id to record its
   * executions.
   */
  private static final long WAIT_FOR_FIRST_MILLIS = 3_000;

  private final MongoCollection<Document> deliveries;

  @Inject
  WebhookDeliveries(MongoDatabase database) {
    this.deliveries = database.getCollection("webhook_deliveries");
  }

  /**
   * A delivery's record.
   *
   * @param result {@code RECEIVED} while the first delivery is being handled, then {@code STARTED},
   *     {@code IGNORED} or {@code FAILED}
   */
  public record Delivery(
      String deliveryId,
      String event,
      String result,
      String reason,
      List<String> executionIds,
      Instant receivedAt) {}

  /**
   * Claims delivery {@code deliveryId} of trigger {@code triggerId}.
   *
   * @return empty when this call claimed it (go on handling it), else the first delivery's record
   */
  Optional<Delivery> claim(String triggerId, String deliveryId, String event, Instant now) {
    String id = triggerId + "#" + deliveryId;
    try {
      deliveries.insertOne(
          new Document("_id", id)
              .append("triggerId", triggerId)
              .append("deliveryId", deliveryId)
              .append("event", event)
              .append("result", RECEIVED)
              .append("receivedAt", Date.from(now)));
      return Optional.empty();
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    return Optional.of(awaitFirst(id));
  }

  /** Records how delivery {@code deliveryId} ended. */
  void finish(
      String triggerId,
      String deliveryId,
      String result,
      String reason,
      List<String> executionIds) {
    deliveries.updateOne(
        Filters.eq("_id", triggerId + "#" + deliveryId),
        Updates.combine(
            Updates.set("result", result),
            Updates.set("reason", reason),
            Updates.set("executionIds", executionIds)));
  }

  /**
   * Forgets the claim of a delivery that could not be handled, so the provider's redelivery is
   * tried again.
   */
  void release(String triggerId, String deliveryId) {
    deliveries.deleteOne(Filters.eq("_id", triggerId + "#" + deliveryId));
  }

  /** Delivery {@code deliveryId} of trigger {@code triggerId}, as recorded. */
  Optional<Delivery> find(String triggerId, String deliveryId) {
    return Optional.ofNullable(read(triggerId + "#" + deliveryId));
  }

  private Delivery awaitFirst(String id) {
    long deadline = System.nanoTime() + WAIT_FOR_FIRST_MILLIS * 1_000_000;
    Delivery delivery = read(id);
    while (delivery != null && RECEIVED.equals(delivery.result()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      delivery = read(id);
    }
    // released meanwhile (the first failed to start): report nothing started; the provider may
    // retry
    return delivery != null
        ? delivery
        : new Delivery(id, null, "FAILED", "the first delivery failed", List.of(), null);
  }

  private Delivery read(String id) {
    Document doc = deliveries.find(Filters.eq("_id", id)).first();
    if (doc == null) {
      return null;
    }
    List<String> executionIds = doc.getList("executionIds", String.class);
    return new Delivery(
        doc.getString("deliveryId"),
        doc.getString("event"),
        doc.getString("result"),
        doc.getString("reason"),
        executionIds == null ? List.of() : List.copyOf(executionIds),
        doc.getDate("receivedAt") == null ? null : doc.getDate("receivedAt").toInstant());
  }
}
