package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.execution.tools.StepLog;
import dev.cimanager.app.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chunked step log storage on the embedded MongoDB: batches across chunk borders, reads from
 * any line.
 */
class StepLogStoreTest {

  @RegisterExtension static final TestApp APP = new TestApp();

  @Test
  void linesWrittenInBatchesAcrossChunks_readBackFromAnyLine_whileOpenAndAfter() {
    StepLogStore store =
        new StepLogStore(APP.service(MongoDatabase.class), StepLog.DEFAULT_MAX_BYTES);
    StepLog log = store.open("exec-chunks", "build", "step", new ExecutionSecrets());
    List<String> expected =
        IntStream.range(0, 3 * StepLogStore.CHUNK_LINES + 17).mapToObj(i -> "line " + i).toList();

    expected.forEach(log::append);

    assertThat(log.from(0).lines()).isEqualTo(expected);
    log.close();
    for (int from :
        new int[] {
          0,
          1,
          StepLogStore.CHUNK_LINES - 1,
          StepLogStore.CHUNK_LINES,
          2 * StepLogStore.CHUNK_LINES + 5,
          expected.size() - 1,
          expected.size(),
          expected.size() + 3
        }) {
      StepLog.Slice slice = store.from("exec-chunks", "build", "step", from);
      assertThat(slice.lines())
          .as("from " + from)
          .isEqualTo(expected.subList(Math.min(from, expected.size()), expected.size()));
      assertThat(slice.nextLine()).isEqualTo(Math.max(from, expected.size()));
      assertThat(log.from(from)).isEqualTo(slice);
    }
  }

  @Test
  void aLogStoredWholeByAnEarlierVersion_isStillRead() {
    MongoDatabase database = APP.service(MongoDatabase.class);
    database
        .getCollection("step_logs")
        .insertOne(
            new Document("_id", "exec-old/build/step").append("text", "first\nsecond\nthird\n"));
    StepLogStore store = new StepLogStore(database, StepLog.DEFAULT_MAX_BYTES);

    assertThat(store.from("exec-old", "build", "step", 0).text())
        .isEqualTo("first\nsecond\nthird\n");
    assertThat(store.from("exec-old", "build", "step", 2))
        .isEqualTo(new StepLog.Slice(List.of("third"), 3));
    assertThat(store.from("exec-none", "build", "step", 0))
        .isEqualTo(new StepLog.Slice(new ArrayList<>(), 0));
  }
}
