package dev.cimanager.app.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.bson.Document;

/**
 * The commit a re-run must build (its original run's), by execution id; written before the re-run
 * is queued, read by the runner when it clones. Kept apart from the execution document: only
 * re-runs have one.
 */
@Singleton
public final class RerunCommits {
  private final MongoCollection<Document> pins;

  @Inject
  RerunCommits(MongoDatabase database) {
    this.pins = database.getCollection("execution_rerun_commits");
  }

  void pin(String executionId, String commitSha) {
    pins.insertOne(new Document("_id", executionId).append("commitSha", commitSha));
  }

  public Optional<String> find(String executionId) {
    return Optional.ofNullable(pins.find(Filters.eq("_id", executionId)).first())
        .map(d -> d.getString("commitSha"));
  }
}
