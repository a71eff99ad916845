package dev.cimanager.app.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Upgrade from the single-instance engine, which listed unfinished executions in {@code
 * active_executions} instead of the shared queue: nothing would ever end those, so the first start
 * of this version fails them as that version's restart did, and drops the collection's entries.
 */
@Singleton
final class LegacyActiveExecutions {

  static final String RESTARTED = "the server restarted while this execution was running";

  private final MongoCollection<Document> active;
  private final ExecutionStore store;
  private final ExecutionWorkspaces workspaces;

  @Inject
  LegacyActiveExecutions(
      MongoDatabase database, ExecutionStore store, ExecutionWorkspaces workspaces) {
    this.active = database.getCollection("active_executions");
    this.store = store;
    this.workspaces = workspaces;
  }

  /** Fails what the previous version left unfinished; returns how many. */
  int failLeftovers(Instant now) {
    List<String> ids = new ArrayList<>();
    active.find().forEach(doc -> ids.add(doc.getString("_id")));
    int failed = 0;
    for (String executionId : ids) {
      var found = store.find(executionId);
      if (found.isPresent() && !found.get().status().isFinal()) {
        store.save(found.get().interrupted(RESTARTED, now));
        workspaces.delete(executionId);
        failed++;
      }
      active.deleteOne(Filters.eq("_id", executionId));
    }
    return failed;
  }
}
