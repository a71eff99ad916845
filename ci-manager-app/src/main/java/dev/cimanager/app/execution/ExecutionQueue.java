package dev.cimanager.app.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.execution.QueueEntry.State;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The queue every instance shares: {@code execution_queue}, one document per execution that has not
 * ended ({@code _id} = execution id), removed when it ends. It stays as small as the work in
 * flight, so the scans below are cheap even on the embedded server, which ignores non-unique
 * indexes.
 *
 * <p>Every transition is one conditional write that names the state and lease version it expects:
 * of two instances racing for one entry exactly one write matches (measured on the embedded server
 * too: a status-filtered claim held, 0 of 400 claimed twice). The version is the fencing token:
 * each claim or take-over raises it, and an owner whose version is no longer current can neither
 * renew nor save.
 */
@Singleton
final class ExecutionQueue {

  private final MongoCollection<Document> entries;

  @Inject
  ExecutionQueue(MongoDatabase database) {
    this.entries = database.getCollection("execution_queue");
  }

  /** Adds the entry of an execution about to be stored; {@link #markQueued} makes it claimable. */
  void addPending(String executionId, String accountId, Instant now) {
    entries.insertOne(
        new Document("_id", executionId)
            .append("accountId", accountId)
            .append("state", State.PENDING.name())
            .append("queuedAt", Date.from(now))
            .append("owner", null)
            .append("leaseUntil", null)
            .append("leaseVersion", 0L)
            .append("abortedBy", null));
  }

  void markQueued(String executionId) {
    entries.updateOne(
        Filters.and(Filters.eq("_id", executionId), Filters.eq("state", State.PENDING.name())),
        Updates.set("state", State.QUEUED.name()));
  }

  /** How many of the account's executions wait for a worker (PENDING or QUEUED). */
  long countWaiting(String accountId) {
    return entries.countDocuments(
        Filters.and(
            Filters.eq("accountId", accountId),
            Filters.in("state", State.PENDING.name(), State.QUEUED.name())));
  }

  List<QueueEntry> all() {
    List<QueueEntry> all = new ArrayList<>();
    entries.find().forEach(doc -> all.add(entry(doc)));
    return all;
  }

  Optional<QueueEntry> find(String executionId) {
    return Optional.ofNullable(entries.find(Filters.eq("_id", executionId)).first())
        .map(ExecutionQueue::entry);
  }

  /** Claims the QUEUED {@code entry} for {@code owner}; empty when another instance was faster. */
  Optional<QueueEntry> claim(QueueEntry entry, String owner, Instant leaseUntil) {
    return transition(entry, State.QUEUED, owner, leaseUntil);
  }

  /**
   * Takes the RUNNING {@code entry} whose lease expired over for {@code owner}; empty when another
   * did.
   */
  Optional<QueueEntry> takeOver(QueueEntry entry, String owner, Instant leaseUntil) {
    return transition(entry, State.RUNNING, owner, leaseUntil);
  }

  private Optional<QueueEntry> transition(
      QueueEntry entry, State expected, String owner, Instant leaseUntil) {
    long next = entry.leaseVersion() + 1;
    Document updated =
        entries.findOneAndUpdate(
            Filters.and(
                Filters.eq("_id", entry.executionId()),
                Filters.eq("state", expected.name()),
                Filters.eq("leaseVersion", entry.leaseVersion())),
            Updates.combine(
                Updates.set("state", State.RUNNING.name()),
                Updates.set("owner", owner),
                Updates.set("leaseUntil", Date.from(leaseUntil)),
                Updates.set("leaseVersion", next)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    // whether the write matched is reliable; the returned document's fields may not be (embedded
    // server)
    return updated == null
        ? Optional.empty()
        : Optional.of(
            new QueueEntry(
                entry.executionId(),
                entry.accountId(),
                State.RUNNING,
                entry.queuedAt(),
                owner,
                leaseUntil,
                next,
                updated.getString("abortedBy")));
  }

  /**
   * Extends the lease held at {@code leaseVersion}; empty when it is no longer held (taken over,
   * ended). The entry answered carries the abort request, if any.
   */
  Optional<QueueEntry> renew(String executionId, long leaseVersion, Instant leaseUntil) {
    Document updated =
        entries.findOneAndUpdate(
            held(executionId, leaseVersion),
            Updates.set("leaseUntil", Date.from(leaseUntil)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return Optional.ofNullable(updated).map(ExecutionQueue::entry);
  }

  /** Gives a claimed execution that has not started back to the queue. */
  void release(String executionId, long leaseVersion) {
    entries.updateOne(
        held(executionId, leaseVersion),
        Updates.combine(
            Updates.set("state", State.QUEUED.name()),
            Updates.set("owner", null),
            Updates.set("leaseUntil", null)));
  }

  /** Removes the entry of an ended execution if the lease is still {@code leaseVersion}. */
  void remove(String executionId, long leaseVersion) {
    entries.deleteOne(held(executionId, leaseVersion));
  }

  /** Removes the entry whatever its state: its execution was saved in a final status. */
  void remove(String executionId) {
    entries.deleteOne(Filters.eq("_id", executionId));
  }

  /** Removes the entry if nobody has claimed it; true when this call removed it. */
  boolean removeIfQueued(String executionId) {
    return entries
            .deleteOne(
                Filters.and(
                    Filters.eq("_id", executionId), Filters.eq("state", State.QUEUED.name())))
            .getDeletedCount()
        == 1;
  }

  /**
   * Records that {@code abortedBy} asked to abort; false when there is no entry (the execution
   * ended).
   */
  boolean requestAbort(String executionId, String abortedBy) {
    return entries
            .updateOne(Filters.eq("_id", executionId), Updates.set("abortedBy", abortedBy))
            .getMatchedCount()
        == 1;
  }

  private static Bson held(String executionId, long leaseVersion) {
    return Filters.and(Filters.eq("_id", executionId), Filters.eq("leaseVersion", leaseVersion));
  }

  private static QueueEntry entry(Document doc) {
    Date leaseUntil = doc.getDate("leaseUntil");
    return new QueueEntry(
        doc.getString("_id"),
        doc.getString("accountId"),
        State.valueOf(doc.getString("state")),
        doc.getDate("queuedAt").toInstant(),
        doc.getString("owner"),
        leaseUntil == null ? null : leaseUntil.toInstant(),
        ((Number) doc.get("leaseVersion")).longValue(),
        doc.getString("abortedBy"));
  }
}
