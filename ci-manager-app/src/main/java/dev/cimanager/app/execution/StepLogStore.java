package dev.cimanager.app.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bson.Document;

/**
 * Finished steps' logs ({@code step_logs}, {@code _id} = {@code <executionId>/<stage>/<step>}), already
 * masked. A log over {@link #MAX_BYTES} keeps its end, where the failure is.
 */
@Singleton
public final class StepLogStore {

  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final MongoCollection<Document> logs;

  @Inject
  StepLogStore(MongoDatabase database) {
    this.logs = database.getCollection("step_logs");
  }

  public void save(String executionId, String stageIdentifier, String stepIdentifier, String text) {
    logs.replaceOne(Filters.eq("_id", id(executionId, stageIdentifier, stepIdentifier)),
        new Document("_id", id(executionId, stageIdentifier, stepIdentifier)).append("text", capped(text)),
        new ReplaceOptions().upsert(true));
  }

  public Optional<String> find(String executionId, String stageIdentifier, String stepIdentifier) {
    Document doc = logs.find(Filters.eq("_id", id(executionId, stageIdentifier, stepIdentifier))).first();
    return Optional.ofNullable(doc).map(d -> d.getString("text"));
  }

  private static String capped(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_BYTES) {
      return text;
    }
    String tail = new String(bytes, bytes.length - MAX_BYTES, MAX_BYTES, StandardCharsets.UTF_8);
    int lineStart = tail.indexOf('\n');
    return "(log truncated to its last " + MAX_BYTES + " bytes)\n" + tail.substring(lineStart + 1);
  }

  private static String id(String executionId, String stageIdentifier, String stepIdentifier) {
    return executionId + "/" + stageIdentifier + "/" + stepIdentifier;
  }
}
