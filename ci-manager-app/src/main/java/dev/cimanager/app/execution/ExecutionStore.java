package dev.cimanager.app.execution;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.pipelines.PipelineKey;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Executions in MongoDB, every query an {@code _id} lookup (the embedded server ignores non-unique
 * indexes, see DESIGN.md "Storage"):
 *
 * <ul>
 *   <li>{@code executions}: the execution document, {@code _id} = execution id;
 *   <li>{@code pipeline_executions}: {@code _id} = {@code acct/org/project/pipeline/<12-digit seq>}
 *       to the execution id. Inserting this entry is what hands out a sequence id: its unique
 *       {@code _id} refuses a second writer of the same number, who tries the next one. (A {@code
 *       $inc} counter read back with {@code findOneAndUpdate} is not enough: the embedded server
 *       returns duplicates.)
 *   <li>{@code execution_counters}: one per pipeline, {@code _id} = {@code
 *       acct/org/project/pipeline}, {@code seq} the highest sequence id handed out ({@code $max}, a
 *       hint where to start: a pipeline's executions newest first are lookups from it down, and the
 *       next id is tried from it up);
 *   <li>{@code execution_queue}: the entry of every execution that has not ended ({@link
 *       ExecutionQueue}), written before the execution so a crash never leaves an execution nobody
 *       will end.
 * </ul>
 *
 * An execution document carries the {@code leaseVersion} of the run writing it: {@link #saveFenced}
 * writes only while that version is current, so an instance that lost its lease cannot overwrite
 * the new owner's result.
 */
@Singleton
public final class ExecutionStore {

  /** Far above any realistic number of runs of one pipeline requested at the same moment. */
  private static final int MAX_SEQUENCE_ATTEMPTS = 1_000;

  private static final String LEASE_VERSION = "leaseVersion";

  private final MongoCollection<Document> executions;
  private final MongoCollection<Document> counters;
  private final MongoCollection<Document> byPipeline;
  private final Clock clock;
  private final ExecutionQueue queue;

  @Inject
  ExecutionStore(MongoDatabase database, ExecutionQueue queue, Clock clock) {
    this.clock = clock;
    this.executions = database.getCollection("executions");
    this.counters = database.getCollection("execution_counters");
    this.byPipeline = database.getCollection("pipeline_executions");
    this.queue = queue;
  }

  /**
   * Hands out the next sequence id of the pipeline (1 for its first execution) by reserving its
   * {@code pipeline_executions} entry; {@link #insert} later fills in the execution id. Concurrent
   * callers never get the same id, on the embedded server as on a real MongoDB.
   */
  public long nextSequenceId(String accountId, PipelineKey pipeline) {
    long candidate = lastSequenceId(accountId, pipeline) + 1;
    for (int attempt = 1; ; attempt++) {
      try {
        byPipeline.insertOne(new Document("_id", sequenceKey(accountId, pipeline, candidate)));
        break;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY
            || attempt >= MAX_SEQUENCE_ATTEMPTS) {
          throw e;
        }
        // another run took this number: continue above the highest one known now
        candidate = Math.max(candidate + 1, lastSequenceId(accountId, pipeline) + 1);
      }
    }
    raiseCounter(pipelineId(accountId, pipeline), candidate);
    return candidate;
  }

  private void raiseCounter(String pipelineId, long sequenceId) {
    try {
      counters.updateOne(
          Filters.eq("_id", pipelineId),
          Updates.max("seq", sequenceId),
          new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // two first-ever upserts raced and the other created the counter: it exists now
      counters.updateOne(Filters.eq("_id", pipelineId), Updates.max("seq", sequenceId));
    }
  }

  /**
   * The highest sequence id handed out: the counter, then upwards while entries exist (a crash
   * between the reservation and the counter update leaves the counter one behind).
   */
  private long lastSequenceId(String accountId, PipelineKey pipeline) {
    Document counter = counters.find(Filters.eq("_id", pipelineId(accountId, pipeline))).first();
    long last = counter == null ? 0 : ((Number) counter.get("seq")).longValue();
    while (byPipeline.find(Filters.eq("_id", sequenceKey(accountId, pipeline, last + 1))).first()
        != null) {
      last++;
    }
    return last;
  }

  /**
   * Stores a new (QUEUED) execution with its (PENDING) queue entry; the engine makes the entry
   * claimable once this returns.
   */
  public void insert(Execution execution) {
    // the entry's age is its own, not the execution's: the engine settles a PENDING entry older
    // than a lease whose execution is not stored as abandoned
    queue.addPending(execution.executionId(), execution.accountId(), clock.instant());
    executions.insertOne(ExecutionDocuments.toDocument(execution).append(LEASE_VERSION, 0L));
    PipelineKey key =
        new PipelineKey(
            execution.orgIdentifier(),
            execution.projectIdentifier(),
            execution.pipelineIdentifier());
    // the entry nextSequenceId reserved (upserted for an id that was not reserved through it)
    byPipeline.updateOne(
        Filters.eq("_id", sequenceKey(execution.accountId(), key, execution.sequenceId())),
        Updates.set("executionId", execution.executionId()),
        new UpdateOptions().upsert(true));
  }

  /**
   * Replaces the stored execution with {@code execution}, whoever runs it; once it has ended its
   * queue entry goes. For writers that hold no lease (ending an execution nobody has claimed).
   */
  public void save(Execution execution) {
    executions.replaceOne(
        Filters.eq("_id", execution.executionId()),
        ExecutionDocuments.toDocument(execution),
        new ReplaceOptions().upsert(false));
    if (execution.status().isFinal()) {
      queue.remove(execution.executionId());
    }
  }

  /**
   * Replaces the stored execution if {@code leaseVersion} is still the one it carries.
   *
   * @throws LeaseLostException when another instance has taken the execution over
   */
  void saveFenced(Execution execution, long leaseVersion) {
    long matched =
        executions
            .replaceOne(
                Filters.and(
                    Filters.eq("_id", execution.executionId()),
                    Filters.eq(LEASE_VERSION, leaseVersion)),
                ExecutionDocuments.toDocument(execution).append(LEASE_VERSION, leaseVersion))
            .getMatchedCount();
    if (matched == 0) {
      throw new LeaseLostException(execution.executionId(), leaseVersion);
    }
  }

  /**
   * Makes {@code leaseVersion} (just claimed) the execution's current one: older owners' writes now
   * fail.
   */
  void fence(String executionId, long leaseVersion) {
    executions.updateOne(Filters.eq("_id", executionId), Updates.max(LEASE_VERSION, leaseVersion));
  }

  /** The execution, if it exists in {@code accountId} (another account's answers empty). */
  public Optional<Execution> find(String accountId, String executionId) {
    return find(executionId).filter(execution -> execution.accountId().equals(accountId));
  }

  /** The execution, whatever its account: for the engine, which is handed ids it created. */
  public Optional<Execution> find(String executionId) {
    Document doc = executions.find(Filters.eq("_id", executionId)).first();
    return Optional.ofNullable(doc).map(ExecutionDocuments::fromDocument);
  }

  /** Up to {@code limit} executions of the pipeline, newest (highest sequence id) first. */
  public List<Execution> listNewestFirst(String accountId, PipelineKey pipeline, int limit) {
    long last = lastSequenceId(accountId, pipeline);
    List<Execution> result = new ArrayList<>();
    for (long seq = last; seq >= 1 && result.size() < limit; seq--) {
      Document entry =
          byPipeline.find(Filters.eq("_id", sequenceKey(accountId, pipeline, seq))).first();
      if (entry != null) {
        // an entry without execution id was reserved by a request that then failed to store
        Optional.ofNullable(entry.getString("executionId"))
            .flatMap(id -> find(accountId, id))
            .ifPresent(result::add);
      }
    }
    return result;
  }

  private static String pipelineId(String accountId, PipelineKey pipeline) {
    return accountId
        + "/"
        + pipeline.orgIdentifier()
        + "/"
        + pipeline.projectIdentifier()
        + "/"
        + pipeline.pipelineIdentifier();
  }

  private static String sequenceKey(String accountId, PipelineKey pipeline, long sequenceId) {
    return pipelineId(accountId, pipeline) + "/" + String.format("%012d", sequenceId);
  }
}
