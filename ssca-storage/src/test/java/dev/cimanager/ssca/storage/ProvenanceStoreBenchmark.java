package dev.cimanager.ssca.storage;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import dev.cimanager.ssca.storage.mongo.MongoClientFactory;
import dev.cimanager.ssca.storage.mongo.MongoConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;
import org.bson.Document;

/**
 * Times the store's hot queries on the embedded server's H2 file backend, the configuration the
 * default deployment runs. Not a test: run by hand, {@code java -cp <test classpath>
 * dev.cimanager.ssca.storage.ProvenanceStoreBenchmark [records] [durable|stock]}: {@code durable}
 * (default) is the app's embedded server, committing each write before answering it; {@code stock}
 * is mongo-java-server's H2 backend as shipped (commits in the background).
 *
 * <p>Records: two per execution, a digest shared by every two executions, ten accounts.
 */
public final class ProvenanceStoreBenchmark {
  private static final int QUERIES = 300;

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    boolean durable = args.length < 2 || args[1].equals("durable");
    Path dir = Files.createTempDirectory("provenance-bench");
    System.out.println(
        durable
            ? "backend: durable (a commit per write)"
            : "backend: stock H2 (background commits)");
    MongoConnection connection = durable ? MongoClientFactory.startEmbedded(dir) : null;
    try (TestMongo mongo = durable ? null : TestMongo.onFile(dir.resolve("bench.mv"))) {
      MongoDatabase database =
          durable ? connection.client().getDatabase("ci_manager") : mongo.database();
      MongoProvenanceStore store = MongoProvenanceStore.open(database);
      ProvenanceRecords queries = new ProvenanceRecords(database);
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        store.save(
            Records.pending(
                id(i),
                "account" + (i % 10),
                execution(i),
                Records.digest(i / 4),
                Records.T0.plusMillis(i)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("save: %d records in %.1f s (%.0f/s)%n", count, seconds, count / seconds);

      Random random = new Random(1);
      time("findById", n -> expect(store.findById(id(random.nextInt(count))).isPresent()));
      time(
          "findByExecution",
          n -> expect(queries.findByExecution(execution(random.nextInt(count))).size() == 2));
      time(
          "findByDigest",
          n -> expect(queries.findByDigest(Records.digest(random.nextInt(count) / 4)).size() == 4));
      // what the lookups avoid: the same question through the non-unique executionId index
      var raw = database.getCollection(MongoProvenanceStore.RECORDS);
      timeFew(
          "find({executionId}) via non-unique index",
          n ->
              expect(
                  raw.find(eq("executionId", execution(random.nextInt(count))))
                          .into(new java.util.ArrayList<Document>())
                          .size()
                      == 2));
      markPushedTimes(store, count, random);
      int[] next = {count};
      time(
          "save (one more record)",
          n -> {
            int i = next[0]++;
            store.save(
                Records.pending(
                    id(i),
                    "account1",
                    execution(i),
                    Records.digest(i / 4),
                    Records.T0.plusMillis(i)));
          });
    } finally {
      if (connection != null) {
        connection.close();
      }
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void markPushedTimes(MongoProvenanceStore store, int count, Random random) {
    time(
        "markPushed",
        n -> store.markPushed(id(random.nextInt(count)), "ref", Records.T0.plusSeconds(n)));
  }

  private static String id(int i) {
    return "rec-" + i;
  }

  private static String execution(int i) {
    return "exec-" + (i / 2);
  }

  private static void expect(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("unexpected query result");
    }
  }

  private static void time(String name, IntConsumer query) {
    run(name, QUERIES, query);
  }

  private static void timeFew(String name, IntConsumer query) {
    run(name, 5, query);
  }

  private static void run(String name, int times, IntConsumer query) {
    for (int i = 0; i < (times >= 20 ? 20 : 1); i++) {
      query.accept(i);
    }
    long[] nanos = new long[times];
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      query.accept(i);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
    System.out.printf(
        "%-45s mean %8.2f ms  p50 %8.2f ms  p99 %8.2f ms  (%d runs)%n",
        name,
        mean,
        nanos[times / 2] / 1e6,
        nanos[Math.min(times - 1, (int) (times * 0.99))] / 1e6,
        times);
  }

  private ProvenanceStoreBenchmark() {}
}
