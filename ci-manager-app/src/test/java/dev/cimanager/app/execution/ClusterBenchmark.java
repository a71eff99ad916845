package dev.cimanager.app.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.AppInstance;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.MongoProcess;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput and claim latency of the shared execution queue with real processes: a
 * mongo-java-server JVM, 1..n app JVMs (2 workers each), a loopback registry, real buildah, SLSA
 * provenance on. Figures go to docs/PERFORMANCE.md.
 *
 * <pre>
 * mvn -B -q -pl ci-manager-app -am -DskipTests verify dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp ci-manager-app/target/test-classes:ci-manager-app/target/classes:$(cat ci-manager-app/target/bench.cp) \
 *     dev.cimanager.app.execution.ClusterBenchmark 60 1,2,3      # [runs] [instance counts]
 * </pre>
 *
 * Claim latency is measured on an idle cluster, one run at a time, requested round-robin on the
 * instances: from the request's {@code startedAt} (before the execution is stored) to its stage's
 * {@code startedAt} (after the claim, the fencing write and the RUNNING write).
 */
public final class ClusterBenchmark {

  private static final int LATENCY_SAMPLES = 20;
  private static final Map<String, String> EXECUTION = Map.of("workers", "2", "maxQueued", "1000");

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int[] counts =
        args.length > 1
            ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {1, 2, 3};
    for (int count : counts) {
      measure(count, runs);
    }
  }

  private static void measure(int instanceCount, int runs) throws Exception {
    Path dir = Files.createTempDirectory("cluster-bench");
    List<AppInstance> instances = new ArrayList<>();
    try (LocalRegistry registry = LocalRegistry.start();
        MongoProcess mongo = MongoProcess.start(dir.resolve("mongo.log"))) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String masterKey = Base64.getEncoder().encodeToString(key);
      for (int i = 0; i < instanceCount; i++) {
        instances.add(
            AppInstance.start(
                mongo.uri(), masterKey, registry.hostPort(), dir.resolve("app" + i), EXECUTION));
      }
      ApiClient account = instances.get(0).newAccount();
      List<ApiClient> clients =
          instances.stream().map(instance -> instance.client(account)).toList();
      BuildFixtures.project(account, "demo");
      BuildFixtures.registryConnector(account, "", "local_registry", registry.url());
      Path repo = dir.resolve("repo");
      BuildFixtures.commitScratchImage(repo);
      BuildFixtures.gitConnector(account, "", "fast_repo", repo.toUri());
      CosignKeyPair keys = CosignKeys.generate("bench".getBytes(StandardCharsets.UTF_8));
      BuildFixtures.cosignSecrets(account, keys.privateKeyPem(), "bench");
      ApiResponse saved =
          account.putYaml(
              "/api/v1/orgs/default/projects/demo/pipelines/fast",
              ExecutionFixtures.pipeline("fast", "fast_repo", "demo/fast", true).yaml());
      if (saved.status() / 100 != 2) {
        throw new IllegalStateException(saved.toString());
      }

      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < LATENCY_SAMPLES; i++) {
        ApiClient via = clients.get(i % clients.size());
        JsonNode ended =
            ExecutionFixtures.awaitEnd(
                via,
                ExecutionFixtures.start(via, "fast").json().get("executionId").asText(),
                Duration.ofMinutes(5));
        latencies.add(
            Duration.between(
                    Instant.parse(ended.get("startedAt").asText()),
                    Instant.parse(ended.at("/stages/0/startedAt").asText()))
                .toMillis());
      }
      latencies.sort(Long::compare);

      ExecutorService requesters = Executors.newFixedThreadPool(8);
      long begin = System.nanoTime();
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        ApiClient via = clients.get(i % clients.size());
        started.add(
            requesters.submit(
                () -> ExecutionFixtures.start(via, "fast").json().get("executionId").asText()));
      }
      int succeeded = 0;
      for (Future<String> id : started) {
        if (ExecutionFixtures.awaitEnd(account, id.get(), Duration.ofMinutes(30))
            .get("status")
            .asText()
            .equals("SUCCESS")) {
          succeeded++;
        }
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      requesters.shutdown();
      System.out.printf(
          "instances=%d (2 workers each): %d runs (%d SUCCESS) in %.1f s = %.1f runs/min;"
              + " claim latency idle p50 %d ms, p90 %d ms, max %d ms (%d runs)%n",
          instanceCount,
          runs,
          succeeded,
          seconds,
          runs * 60 / seconds,
          latencies.get(latencies.size() / 2),
          latencies.get(latencies.size() * 9 / 10),
          latencies.get(latencies.size() - 1),
          latencies.size());
    } finally {
      instances.forEach(AppInstance::close);
    }
  }
}
