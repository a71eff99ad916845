package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.cimanager.app.pipelines.PipelineKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequence ids under real concurrency on the embedded server, where a {@code $inc} read back with
 * {@code findOneAndUpdate} hands out duplicates: 8 threads, 400 ids, each handed out once, no gap.
 */
class SequenceIdConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 50;

  @Test
  void nextSequenceId_eightThreadsInMemory_handsOutEveryIdOnce() throws Exception {
    assertDistinctAndDense(H2Backend.inMemory());
  }

  @Test
  void nextSequenceId_eightThreadsOnH2File_handsOutEveryIdOnce(@TempDir Path dir) throws Exception {
    assertDistinctAndDense(new H2Backend(dir.resolve("mongo.mv.db").toString()));
  }

  private static void assertDistinctAndDense(H2Backend backend) throws Exception {
    MongoServer server = new MongoServer(backend);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server))) {
      var database = client.getDatabase("test");
      ExecutionStore store =
          new ExecutionStore(database, new ExecutionQueue(database), java.time.Clock.systemUTC());
      PipelineKey pipeline = new PipelineKey("default", "demo", "build_app");
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        Callable<List<Long>> task =
            () -> {
              List<Long> ids = new ArrayList<>();
              for (int i = 0; i < PER_THREAD; i++) {
                ids.add(store.nextSequenceId("acme", pipeline));
              }
              return ids;
            };
        results.add(pool.submit(task));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        all.addAll(result.get());
      }
      Set<Long> distinct = new TreeSet<>(all);
      assertThat(all).hasSize(THREADS * PER_THREAD);
      assertThat(distinct)
          .containsExactlyElementsOf(
              LongStream.rangeClosed(1, THREADS * PER_THREAD).boxed().toList());
      assertThat(store.nextSequenceId("acme", pipeline)).isEqualTo(THREADS * PER_THREAD + 1);
    } finally {
      pool.shutdownNow();
      server.shutdownNow();
    }
  }

  private static String hostAndPort(MongoServer server) {
    var address = server.bind();
    return address.getHostString() + ":" + address.getPort();
  }
}
