package dev.cimanager.app.triggers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.accounts.Scope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Triggers in Mongo, one document per trigger with {@code _id} {@code
 * acct/org/project:pipeline/trigger}, so a webhook delivery finds its trigger by a unique-key
 * lookup (mongo-java-server only uses unique indexes).
 */
@Singleton
public final class TriggerRepository {

  static final String SCHEDULED = "Scheduled";

  private final MongoCollection<Document> triggers;
  private final Clock clock;

  @Inject
  TriggerRepository(MongoDatabase database, Clock clock) {
    this.triggers = database.getCollection("triggers");
    this.clock = clock;
  }

  static String idOf(Scope project, TriggerKey key) {
    return project.idOf(key.pipelineIdentifier()) + "/" + key.triggerIdentifier();
  }

  /**
   * The account's enabled schedules other than {@code exceptId} (a trigger id, see {@link #idOf}).
   */
  long enabledSchedulesOf(String accountId, String exceptId) {
    return triggers.countDocuments(
        Filters.and(
            Filters.eq("accountId", accountId),
            Filters.eq("type", SCHEDULED),
            Filters.eq("enabled", true),
            Filters.ne("_id", exceptId)));
  }

  /** Creates or replaces the trigger; returns true when it was created. */
  public boolean save(Scope project, TriggerDefinition trigger) {
    Date now = Date.from(now());
    TriggerKey key =
        new TriggerKey(
            project.orgId(),
            project.projectId(),
            trigger.pipelineIdentifier(),
            trigger.identifier());
    var result =
        triggers.updateOne(
            Filters.eq("_id", idOf(project, key)),
            Updates.combine(
                Updates.set("accountId", project.accountId()),
                Updates.set("orgIdentifier", project.orgId()),
                Updates.set("projectIdentifier", project.projectId()),
                Updates.set("pipelineKey", project.idOf(trigger.pipelineIdentifier())),
                Updates.set("pipelineIdentifier", trigger.pipelineIdentifier()),
                Updates.set("identifier", trigger.identifier()),
                Updates.set("type", trigger.type()),
                Updates.set("enabled", trigger.enabled()),
                Updates.set("yaml", trigger.yaml()),
                Updates.set("updatedAt", now),
                // a schedule saved (or re-enabled) now does not catch up on due times before now
                Updates.set("scheduleSince", now),
                Updates.setOnInsert("createdAt", now)),
            new UpdateOptions().upsert(true));
    return result.getUpsertedId() != null;
  }

  public Optional<StoredTrigger> find(Scope project, TriggerKey key) {
    return Optional.ofNullable(triggers.find(Filters.eq("_id", idOf(project, key))).first())
        .map(TriggerRepository::toStored);
  }

  public boolean delete(Scope project, TriggerKey key) {
    return triggers.deleteOne(Filters.eq("_id", idOf(project, key))).getDeletedCount() > 0;
  }

  /**
   * The pipeline's triggers by identifier (a scan on the embedded server: pipelines have few
   * triggers).
   */
  public List<StoredTrigger> list(Scope project, String pipelineIdentifier) {
    List<StoredTrigger> result = new ArrayList<>();
    triggers
        .find(Filters.eq("pipelineKey", project.idOf(pipelineIdentifier)))
        .forEach(doc -> result.add(toStored(doc)));
    result.sort(Comparator.comparing(stored -> stored.key().triggerIdentifier()));
    return result;
  }

  /** Every enabled schedule of every account, for the scheduler. */
  public List<StoredTrigger> enabledSchedules() {
    List<StoredTrigger> result = new ArrayList<>();
    triggers
        .find(Filters.and(Filters.eq("type", SCHEDULED), Filters.eq("enabled", true)))
        .forEach(doc -> result.add(toStored(doc)));
    return result;
  }

  /** Records what the trigger's latest event or due time did (for the list's "last fired"). */
  public void recordFire(Scope project, TriggerKey key, StoredTrigger.LastFire fire) {
    triggers.updateOne(
        Filters.eq("_id", idOf(project, key)),
        Updates.set(
            "lastFire",
            new Document("at", Date.from(fire.at()))
                .append("executionId", fire.executionId())
                .append("result", fire.result())
                .append("message", fire.message())));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static StoredTrigger toStored(Document doc) {
    Scope project =
        Scope.project(
            doc.getString("accountId"),
            doc.getString("orgIdentifier"),
            doc.getString("projectIdentifier"));
    TriggerKey key =
        new TriggerKey(
            project.orgId(),
            project.projectId(),
            doc.getString("pipelineIdentifier"),
            doc.getString("identifier"));
    Document fire = doc.get("lastFire", Document.class);
    return new StoredTrigger(
        project,
        key,
        doc.getString("yaml"),
        instant(doc.getDate("createdAt")),
        instant(doc.getDate("updatedAt")),
        instant(doc.getDate("scheduleSince")),
        fire == null
            ? null
            : new StoredTrigger.LastFire(
                instant(fire.getDate("at")),
                fire.getString("executionId"),
                fire.getString("result"),
                fire.getString("message")));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
