package dev.cimanager.app.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.pipelines.PipelineKey;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Executions in MongoDB, every query an {@code _id} lookup (the embedded server ignores non-unique
 * indexes, see DESIGN.md "Storage"):
 * <ul>
 *   <li>{@code executions}: the execution document, {@code _id} = execution id;
 *   <li>{@code execution_counters}: one per pipeline, {@code _id} = {@code acct/org/project/pipeline},
 *       {@code seq} the last sequence id handed out ({@code $inc}, so concurrent runs never share one);
 *   <li>{@code pipeline_executions}: {@code _id} = {@code acct/org/project/pipeline/<12-digit seq>} to
 *       the execution id: a pipeline's executions newest first are lookups from the counter down;
 *   <li>{@code active_executions}: {@code _id} = execution id of every QUEUED or RUNNING execution, so
 *       start-up finds those a crash left behind without scanning all executions.
 * </ul>
 */
@Singleton
public final class ExecutionStore {

  private final MongoCollection<Document> executions;
  private final MongoCollection<Document> counters;
  private final MongoCollection<Document> byPipeline;
  private final MongoCollection<Document> active;

  @Inject
  ExecutionStore(MongoDatabase database) {
    this.executions = database.getCollection("executions");
    this.counters = database.getCollection("execution_counters");
    this.byPipeline = database.getCollection("pipeline_executions");
    this.active = database.getCollection("active_executions");
  }

  /** The next sequence id of the pipeline (1 for its first execution). */
  public long nextSequenceId(String accountId, PipelineKey pipeline) {
    Document counter = counters.findOneAndUpdate(Filters.eq("_id", pipelineId(accountId, pipeline)),
        Updates.inc("seq", 1L),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return ((Number) counter.get("seq")).longValue();
  }

  /** Stores a new (QUEUED) execution and marks it active. */
  public void insert(Execution execution) {
    active.insertOne(new Document("_id", execution.executionId()));
    executions.insertOne(ExecutionDocuments.toDocument(execution));
    PipelineKey key = new PipelineKey(execution.orgIdentifier(), execution.projectIdentifier(),
        execution.pipelineIdentifier());
    byPipeline.insertOne(new Document("_id", sequenceKey(execution.accountId(), key, execution.sequenceId()))
        .append("executionId", execution.executionId()));
  }

  /** Replaces the stored execution with {@code execution}; once it has ended it is no longer active. */
  public void save(Execution execution) {
    executions.replaceOne(Filters.eq("_id", execution.executionId()), ExecutionDocuments.toDocument(execution),
        new ReplaceOptions().upsert(false));
    if (execution.status().isFinal()) {
      forgetActive(execution.executionId());
    }
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
    Document counter = counters.find(Filters.eq("_id", pipelineId(accountId, pipeline))).first();
    long last = counter == null ? 0 : ((Number) counter.get("seq")).longValue();
    List<Execution> result = new ArrayList<>();
    for (long seq = last; seq >= 1 && result.size() < limit; seq--) {
      Document entry = byPipeline.find(Filters.eq("_id", sequenceKey(accountId, pipeline, seq))).first();
      if (entry != null) {
        // a sequence id without an entry was handed out to a request that then failed to store
        find(accountId, entry.getString("executionId")).ifPresent(result::add);
      }
    }
    return result;
  }

  /** Drops {@code executionId} from the active set (its execution has ended or was never stored). */
  public void forgetActive(String executionId) {
    active.deleteOne(Filters.eq("_id", executionId));
  }

  /** Ids of every execution still QUEUED or RUNNING according to the store. */
  public List<String> activeExecutionIds() {
    List<String> ids = new ArrayList<>();
    active.find().forEach(doc -> ids.add(doc.getString("_id")));
    return ids;
  }

  private static String pipelineId(String accountId, PipelineKey pipeline) {
    return accountId + "/" + pipeline.orgIdentifier() + "/" + pipeline.projectIdentifier() + "/"
        + pipeline.pipelineIdentifier();
  }

  private static String sequenceKey(String accountId, PipelineKey pipeline, long sequenceId) {
    return pipelineId(accountId, pipeline) + "/" + String.format("%012d", sequenceId);
  }
}
