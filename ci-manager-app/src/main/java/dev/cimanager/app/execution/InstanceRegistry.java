package dev.cimanager.app.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * {@code instances}: one document per instance id with its last heartbeat and how many executions
 * it runs, for operators ({@code GET /api/v1/admin/instances}). Leases, not this list, decide who
 * runs what.
 */
@Singleton
final class InstanceRegistry {

  /** One instance as last reported. */
  record InstanceStatus(
      String instanceId,
      String host,
      Instant startedAt,
      Instant lastHeartbeat,
      int running,
      int workers) {}

  private final MongoCollection<Document> instances;

  @Inject
  InstanceRegistry(MongoDatabase database) {
    this.instances = database.getCollection("instances");
  }

  void heartbeat(InstanceIdentity identity, int running, int workers, Instant now) {
    instances.replaceOne(
        Filters.eq("_id", identity.id()),
        new Document("_id", identity.id())
            .append("host", identity.host())
            .append("startedAt", Date.from(identity.startedAt()))
            .append("lastHeartbeat", Date.from(now))
            .append("running", running)
            .append("workers", workers),
        new ReplaceOptions().upsert(true));
  }

  /** Forgets an instance that stopped cleanly. */
  void remove(InstanceIdentity identity) {
    instances.deleteOne(Filters.eq("_id", identity.id()));
  }

  List<InstanceStatus> list() {
    List<InstanceStatus> all = new ArrayList<>();
    instances
        .find()
        .forEach(
            doc ->
                all.add(
                    new InstanceStatus(
                        doc.getString("_id"),
                        doc.getString("host"),
                        doc.getDate("startedAt").toInstant(),
                        doc.getDate("lastHeartbeat").toInstant(),
                        doc.getInteger("running", 0),
                        doc.getInteger("workers", 0))));
    return all;
  }
}
