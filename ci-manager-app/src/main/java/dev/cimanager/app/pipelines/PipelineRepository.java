package dev.cimanager.app.pipelines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.cimanager.app.accounts.Scope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Pipelines in Mongo, one document per pipeline with {@code _id} {@code acct/org/project:pipeline}
 * so a read is a unique-key lookup (mongo-java-server only uses unique indexes). The YAML is stored
 * as sent.
 */
@Singleton
public final class PipelineRepository {

  private final MongoCollection<Document> pipelines;
  private final Clock clock;

  @Inject
  PipelineRepository(MongoDatabase database, Clock clock) {
    this.pipelines = database.getCollection("pipelines");
    this.clock = clock;
  }

  /**
   * Creates or replaces the pipeline.
   *
   * @return true when it was created, false when an existing one was replaced
   */
  public boolean save(Scope project, Pipeline pipeline) {
    // Mongo keeps milliseconds: truncate so the saved and the returned times agree
    Date now = Date.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    UpdateResult result =
        pipelines.updateOne(
            Filters.eq("_id", project.idOf(pipeline.identifier())),
            Updates.combine(
                Updates.set("scopeKey", project.key()),
                Updates.set("identifier", pipeline.identifier()),
                Updates.set("name", pipeline.name()),
                Updates.set("yaml", pipeline.yaml()),
                Updates.set("updatedAt", now),
                Updates.setOnInsert("createdAt", now)),
            new UpdateOptions().upsert(true));
    return result.getUpsertedId() != null;
  }

  public Optional<StoredPipeline> find(Scope project, String identifier) {
    Document doc = pipelines.find(Filters.eq("_id", project.idOf(identifier))).first();
    return Optional.ofNullable(doc).map(found -> toStored(project, found));
  }

  /**
   * The project's pipelines by identifier. A scan on the embedded server: projects hold few
   * pipelines.
   */
  public List<StoredPipeline> list(Scope project) {
    List<StoredPipeline> result = new ArrayList<>();
    pipelines
        .find(Filters.eq("scopeKey", project.key()))
        .forEach(doc -> result.add(toStored(project, doc)));
    result.sort(Comparator.comparing(StoredPipeline::identifier));
    return result;
  }

  private static StoredPipeline toStored(Scope project, Document doc) {
    return new StoredPipeline(
        project,
        doc.getString("identifier"),
        doc.getString("name"),
        doc.getString("yaml"),
        doc.getDate("createdAt").toInstant(),
        doc.getDate("updatedAt").toInstant());
  }
}
