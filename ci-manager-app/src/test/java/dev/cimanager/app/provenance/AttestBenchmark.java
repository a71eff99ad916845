package dev.cimanager.app.provenance;

import com.mongodb.client.MongoDatabase;
import dev.cimanager.contracts.executions.TriggerType;
import dev.cimanager.ssca.api.BaseImage;
import dev.cimanager.ssca.api.BuildSpec;
import dev.cimanager.ssca.api.Codebase;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.api.ExecutionContext;
import dev.cimanager.ssca.api.ProvenanceService;
import dev.cimanager.ssca.api.PushedImage;
import dev.cimanager.ssca.api.SigningKeyRef;
import dev.cimanager.ssca.api.Trigger;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.spi.ProvenanceStore;
import dev.cimanager.ssca.spi.ResolvedSecret;
import dev.cimanager.ssca.spi.SecretResolver;
import dev.cimanager.ssca.spi.SecretScope;
import dev.cimanager.ssca.storage.MongoAttestationLocks;
import dev.cimanager.ssca.storage.MongoProvenanceStore;
import dev.cimanager.ssca.storage.mongo.MongoClientFactory;
import dev.cimanager.ssca.storage.mongo.MongoConnection;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The time the SSCA work adds to a Build stage per image: one {@link ProvenanceService#attest} call
 * with a realistic context, a cached Cosign key, the embedded MongoDB on its H2 file (the default
 * deployment) and a loopback {@code docker-registry}. Not a test: {@code ./scripts/bench.sh attest}
 * runs it as {@code AttestBenchmark 200 400} ([sequential runs] [attestations on 8 threads]);
 * figures in docs/PERFORMANCE.md.
 *
 * <p>Each attestation is timed side by side with a {@link BarePush} of a layer, config and manifest
 * of the same sizes to the same registry, alternating which goes first, so that the ratio of the
 * two medians is the SSCA work's cost over the push it follows, under whatever else the machine is
 * doing at the time.
 *
 * <p>The split of a sequential attestation comes from the SPI seams the facade calls, timed in
 * order: secrets resolved -> [load cached signer, predicate, statement, DSSE sign, start the layer
 * upload] -> store.save (beside the layer upload and the lock) -> [the rest of the upload, read the
 * .att, config and manifest PUT] -> store.markPushed (beside the unlock).
 */
public final class AttestBenchmark {
  private static final SigningKeyRef KEY =
      new SigningKeyRef("account.cosign_private_key", "account.cosign_password");

  public static void main(String[] args) throws Exception {
    // the app's DEBUG default would time the logging, not the work
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int concurrentTotal = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    Path dir = Files.createTempDirectory("attest-bench");
    try (LocalRegistry registry = LocalRegistry.start();
        MongoConnection mongo = MongoClientFactory.startEmbedded(dir)) {
      Timings timings = new Timings();
      MongoDatabase database = mongo.client().getDatabase("bench");
      TimedStore store = new TimedStore(MongoProvenanceStore.open(database), timings);
      // the app's wiring: the .att locks in the same MongoDB (see ProvenanceModule)
      ProvenanceService service =
          ProvenanceService.create(
              new FixedKey(timings),
              store,
              new MongoAttestationLocks(database),
              Set.of(registry.hostPort()),
              Clock.systemUTC());

      BarePush bare = new BarePush(registry.hostPort(), "demo/app");
      // warm-up: the one scrypt of the key, connection pools, and the JIT, whose compiling of the
      // embedded MongoDB, H2 and Bouncy Castle otherwise runs on the 2 cores during the first
      // few hundred measured attestations
      for (int i = 0; i < 300; i++) {
        service.attest(context(registry.hostPort()), KEY, null);
        bare.push(BarePush.content(store.last));
      }
      timings.reset();
      long[] attests = new long[runs];
      long[] pushes = new long[runs];
      for (int i = 0; i < runs; i++) {
        ExecutionContext ctx = context(registry.hostPort());
        BarePush.Content content = BarePush.content(store.last);
        // alternate which goes first, so drifts in the machine's load hit both alike
        if (i % 2 == 0) {
          pushes[i] = timed(() -> bare.push(content));
        }
        long start = System.nanoTime();
        timings.begin(start);
        service.attest(ctx, KEY, null);
        attests[i] = System.nanoTime() - start;
        if (i % 2 == 1) {
          pushes[i] = timed(() -> bare.push(content));
        }
      }
      System.out.printf(
          "sequential, %d attestations and %d bare pushes interleaved (one new image digest each):%n",
          runs, runs);
      print("bare push (5 requests)", pushes);
      print("attest total", attests);
      System.out.printf("  attest p50 / bare push p50: %.2fx%n", p50(attests) / p50(pushes));
      long[] ratios = new long[runs];
      for (int i = 0; i < runs; i++) {
        ratios[i] = attests[i] * 1000 / pushes[i];
      }
      System.out.printf("  median of the %d pairs' ratios: %.2fx%n", runs, p50(ratios) / 1000);
      timings.print();

      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < concurrentTotal; i++) {
        futures.add(
            pool.submit(
                () -> {
                  service.attest(context(registry.hostPort()), KEY, null);
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      System.out.printf(
          "%n8 threads, %d attestations: %.1f s, %.0f attestations/s%n",
          concurrentTotal, seconds, concurrentTotal / seconds);
    }
  }

  static ExecutionContext context(String registry) {
    byte[] digest = new byte[32];
    ThreadLocalRandom.current().nextBytes(digest);
    Map<String, String> buildArgs = new LinkedHashMap<>();
    buildArgs.put("VERSION", "1.0");
    buildArgs.put("GIT_SHA", "9c1e5d0c6a0b4f2e8d7a6b5c4d3e2f1a0b9c8d7e");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", "app");
    labels.put("org.opencontainers.image.source", "https://git.example.com/demo/app");
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("ci-manager", "0.1.0-SNAPSHOT");
    versions.put("buildah", "1.28.2");
    Instant now = Instant.now();
    return new ExecutionContext(
        "acme",
        "default",
        "demo",
        "build_app",
        "exec-" + System.nanoTime(),
        42,
        new Trigger(TriggerType.MANUAL, "Ann Example", null),
        new Codebase(
            "https://git.example.com/demo/app.git",
            "main",
            null,
            null,
            "9c1e5d0c6a0b4f2e8d7a6b5c4d3e2f1a0b9c8d7e",
            Instant.parse("2026-11-26T04:58:12Z")),
        "build",
        "BuildAndPush",
        new BuildSpec("Dockerfile", ".", buildArgs, labels, List.of("1.0", "42")),
        new PushedImage(
            registry,
            "demo/app",
            List.of("1.0", "42"),
            "sha256:" + HexFormat.of().formatHex(digest)),
        List.of(new BaseImage(registry + "/base/alpine", "sha256:" + "ab".repeat(32))),
        versions,
        now.minusSeconds(12),
        now);
  }

  private interface Push {
    void run() throws Exception;
  }

  private static long timed(Push push) throws Exception {
    long start = System.nanoTime();
    push.run();
    return System.nanoTime() - start;
  }

  private static double p50(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void print(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "  %-28s p50 %7.2f ms   p95 %7.2f ms   mean %7.2f ms%n",
        name,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
        Arrays.stream(sorted).average().orElse(0) / 1e6);
  }

  /**
   * Per-stage durations of sequential attestations, from the seam timestamps (the save and the mark
   * run on the publisher's threads, so the marks are not per thread; meaningless when concurrent).
   */
  static final class Timings {
    private final long[] marks = new long[5];
    // {secrets+predicate, sign, save, publish after the save, mark}
    private final List<long[]> stages = new ArrayList<>();

    void begin(long at) {
      marks[0] = at;
    }

    void secretsResolved() {
      marks[1] = System.nanoTime();
    }

    void saveStarted() {
      marks[2] = System.nanoTime();
    }

    void saveFinished() {
      marks[3] = System.nanoTime();
    }

    void markStarted() {
      marks[4] = System.nanoTime();
    }

    void markFinished() {
      long[] m = marks;
      long end = System.nanoTime();
      long[] stage = {m[1] - m[0], m[2] - m[1], m[3] - m[2], m[4] - m[3], end - m[4]};
      synchronized (stages) {
        stages.add(stage);
      }
    }

    void reset() {
      synchronized (stages) {
        stages.clear();
      }
    }

    void print() {
      String[] names = {
        "predicate + secrets",
        "sign (cached key)",
        "save (beside layer + lock)",
        "then GET, config, PUT",
        "mark PUSHED (beside unlock)"
      };
      synchronized (stages) {
        for (int s = 0; s < names.length; s++) {
          final int index = s;
          AttestBenchmark.print(
              names[s], stages.stream().mapToLong(stage -> stage[index]).toArray());
        }
      }
    }
  }

  /**
   * One Cosign key (generated once, N=65536) and its password; version 1, so the signer cache hits.
   */
  static final class FixedKey implements SecretResolver {
    private static final byte[] PASSWORD = "benchmark-password".getBytes(StandardCharsets.UTF_8);
    private final byte[] keyFile = CosignKeys.generate(PASSWORD).privateKeyPem();
    private final Timings timings;

    FixedKey(Timings timings) {
      this.timings = timings;
    }

    @Override
    public ResolvedSecret resolveFile(SecretScope scope, String reference) {
      return new ResolvedSecret(reference, 1, keyFile);
    }

    @Override
    public ResolvedSecret resolveText(SecretScope scope, String reference) {
      ResolvedSecret password = new ResolvedSecret(reference, 1, PASSWORD);
      timings.secretsResolved();
      return password;
    }
  }

  /** The Mongo store, marking when each call starts and ends. */
  static final class TimedStore implements ProvenanceStore {
    private final ProvenanceStore store;
    private final Timings timings;
    private volatile ProvenanceRecord last;

    TimedStore(ProvenanceStore store, Timings timings) {
      this.store = store;
      this.timings = timings;
    }

    @Override
    public void save(ProvenanceRecord record) {
      timings.saveStarted();
      last = record;
      store.save(record);
      timings.saveFinished();
    }

    @Override
    public ProvenanceRecord markPushed(String id, String attestationRef, Instant at) {
      timings.markStarted();
      ProvenanceRecord record = store.markPushed(id, attestationRef, at);
      timings.markFinished();
      return record;
    }

    @Override
    public ProvenanceRecord markPushFailed(String id, String reason, Instant at) {
      return store.markPushFailed(id, reason, at);
    }

    @Override
    public Optional<ProvenanceRecord> findById(String id) {
      return store.findById(id);
    }
  }
}
