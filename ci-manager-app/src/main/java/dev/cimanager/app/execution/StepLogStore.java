package dev.cimanager.app.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cimanager.app.execution.tools.LogSink;
import dev.cimanager.app.execution.tools.StepLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;

/**
 * Steps' logs, already masked, stored as they are written: {@code step_log_chunks} holds each log
 * in chunks of {@link #CHUNK_LINES} lines ({@code _id} = {@code <executionId>/<stage>/<step>#<n>}),
 * so a line number names its chunk and a read from line N touches only the chunks from N on. Logs
 * stored whole by earlier versions ({@code step_logs}, one {@code text}) are still read.
 */
public final class StepLogStore {

  static final int CHUNK_LINES = 256;

  private final MongoCollection<Document> chunks;
  private final MongoCollection<Document> legacy;
  private final long maxBytes;

  /**
   * @param maxBytes the limit of each step's stored log ({@code execution.maxStepLogBytes})
   */
  StepLogStore(MongoDatabase database, long maxBytes) {
    this.chunks = database.getCollection("step_log_chunks");
    this.legacy = database.getCollection("step_logs");
    this.maxBytes = maxBytes;
  }

  /** A new, empty log of the step that streams here, masked by the run's secrets. */
  StepLog open(
      String executionId, String stageIdentifier, String stepIdentifier, ExecutionSecrets secrets) {
    return new StepLog(
        secrets, secrets::add, sink(id(executionId, stageIdentifier, stepIdentifier)), maxBytes);
  }

  /** The stored lines from {@code from} (0-based) on; empty when the step has stored none. */
  StepLog.Slice from(String executionId, String stageIdentifier, String stepIdentifier, int from) {
    String key = id(executionId, stageIdentifier, stepIdentifier);
    List<String> lines = new ArrayList<>();
    int chunk = from / CHUNK_LINES;
    while (true) {
      Document doc = chunks.find(Filters.eq("_id", chunkId(key, chunk))).first();
      if (doc == null) {
        if (chunk == 0) {
          return legacy(key, from);
        }
        break;
      }
      List<String> chunkLines = doc.getList("lines", String.class);
      int skip = Math.max(0, from - chunk * CHUNK_LINES);
      lines.addAll(chunkLines.subList(Math.min(skip, chunkLines.size()), chunkLines.size()));
      if (chunkLines.size() < CHUNK_LINES) {
        break;
      }
      chunk++;
    }
    return new StepLog.Slice(lines, from + lines.size());
  }

  private StepLog.Slice legacy(String key, int from) {
    Document doc = legacy.find(Filters.eq("_id", key)).first();
    String text = doc == null || doc.getString("text") == null ? "" : doc.getString("text");
    List<String> all = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    List<String> lines = all.subList(Math.min(from, all.size()), all.size());
    return new StepLog.Slice(lines, from + lines.size());
  }

  private LogSink sink(String key) {
    return new LogSink() {
      @Override
      public void write(int firstLine, List<String> lines) {
        int line = firstLine;
        int index = 0;
        while (index < lines.size()) {
          int chunk = line / CHUNK_LINES;
          int room = CHUNK_LINES - line % CHUNK_LINES;
          List<String> part = lines.subList(index, Math.min(lines.size(), index + room));
          chunks.updateOne(
              Filters.eq("_id", chunkId(key, chunk)),
              Updates.pushEach("lines", part, new PushOptions()),
              new UpdateOptions().upsert(true));
          line += part.size();
          index += part.size();
        }
      }

      @Override
      public List<String> read(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int chunk = from / CHUNK_LINES; chunk * CHUNK_LINES < to; chunk++) {
          Document doc = chunks.find(Filters.eq("_id", chunkId(key, chunk))).first();
          List<String> chunkLines = doc == null ? List.of() : doc.getList("lines", String.class);
          int start = chunk * CHUNK_LINES;
          for (int i = Math.max(from, start); i < Math.min(to, start + chunkLines.size()); i++) {
            lines.add(chunkLines.get(i - start));
          }
        }
        return lines;
      }
    };
  }

  private static String chunkId(String key, int chunk) {
    return key + "#" + chunk;
  }

  private static String id(String executionId, String stageIdentifier, String stepIdentifier) {
    return executionId + "/" + stageIdentifier + "/" + stepIdentifier;
  }
}
