package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.AppInstance;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.MongoProcess;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several CI manager processes on one MongoDB, through the public API only: a mongo-java-server in
 * a JVM of its own, two app processes (a third joins to be killed), real buildah, a real registry,
 * SLSA provenance on. Short leases (4 s) so a dead instance's runs are taken over quickly.
 *
 * <p>{@code -Dmulti.runs=100} runs the full load of the issue (100 runs requested 8 at a time); the
 * normal suite runs 24, which exercises the same races in a fraction of the time.
 */
@IntegrationTest
class MultiInstanceTest {

  private static final int RUNS = Integer.getInteger("multi.runs", 24);
  private static final Duration MAX_WAIT = Duration.ofMinutes(2);
  private static final int SLOW_SECONDS = 20;
  private static final Map<String, String> EXECUTION =
      Map.of(
          "workers",
          "2",
          "leaseDuration",
          "4s",
          "renewInterval",
          "500ms",
          "pollInterval",
          "100ms",
          "shutdownGrace",
          "5s",
          "maxQueued",
          "200");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dirs;

  private static LocalRegistry registry;
  private static MongoProcess mongo;
  private static String masterKey;
  private static AppInstance first;
  private static AppInstance second;
  private static ApiClient onFirst;
  private static ApiClient onSecond;

  @BeforeAll
  static void startCluster() throws Exception {
    registry = LocalRegistry.start();
    mongo = MongoProcess.start(dirs.resolve("mongo.log"));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    masterKey = Base64.getEncoder().encodeToString(key);
    first = startInstance("first", Map.of());
    second = startInstance("second", Map.of());

    onFirst = first.newAccount();
    onSecond = second.client(onFirst);
    BuildFixtures.project(onFirst, "demo");
    BuildFixtures.registryConnector(onFirst, "", "local_registry", registry.url());
    Path fastRepo = dirs.resolve("fast-repo");
    BuildFixtures.commitScratchImage(fastRepo);
    BuildFixtures.gitConnector(onFirst, "", "fast_repo", fastRepo.toUri());
    Path slowRepo = dirs.resolve("slow-repo");
    ExecutionFixtures.commitSleepingImage(slowRepo, SLOW_SECONDS);
    BuildFixtures.gitConnector(onFirst, "", "slow_repo", slowRepo.toUri());
    String password = "multi instance";
    CosignKeyPair keys = CosignKeys.generate(password.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(onFirst, keys.privateKeyPem(), password);
    ExecutionFixtures.pipeline("load", "fast_repo", "demo/load", true).save(onFirst);
    ExecutionFixtures.pipeline("fast", "fast_repo", "demo/fast", true).save(onFirst);
    ExecutionFixtures.pipeline("slow", "slow_repo", "demo/slow", true).save(onFirst);
  }

  @AfterAll
  static void stopCluster() {
    for (AutoCloseable part : new AutoCloseable[] {first, second, mongo, registry}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        // the others still stop
      }
    }
  }

  @Test
  void runs_requestedEightAtATimeOnTwoInstances_eachSucceedsOnceWithItsOwnSequenceId()
      throws Exception {
    ExecutorService requesters = Executors.newFixedThreadPool(8);
    List<Future<ApiResponse>> requests = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      ApiClient via = i % 2 == 0 ? onFirst : onSecond;
      requests.add(requesters.submit(() -> ExecutionFixtures.start(via, "load")));
    }
    List<String> executionIds = new ArrayList<>();
    for (Future<ApiResponse> request : requests) {
      ApiResponse started = request.get();
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      executionIds.add(started.json().get("executionId").asText());
    }
    requesters.shutdown();

    Set<Long> sequenceIds = new TreeSet<>();
    String digest = null;
    for (String executionId : executionIds) {
      JsonNode ended = ExecutionFixtures.awaitEnd(onFirst, executionId, Duration.ofMinutes(10));
      assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("SUCCESS");
      sequenceIds.add(ended.get("sequenceId").asLong());
      digest = ended.at("/stages/0/steps/0/outcome/digest").asText();
    }
    assertThat(sequenceIds)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, RUNS).boxed().toList());
    JsonNode listed =
        onSecond.get("/api/v1/orgs/default/projects/demo/pipelines/load/executions").json();
    assertThat(listed.findValuesAsText("executionId"))
        .containsExactlyInAnyOrderElementsOf(executionIds);
    // one commit builds one digest: every run appended its own signed layer to the same .att
    Map<String, Integer> signatures = signaturesPerExecution("demo/load", digest);
    assertThat(signatures.keySet()).containsExactlyInAnyOrderElementsOf(executionIds);
    assertThat(signatures.values()).allMatch(count -> count == 1);
  }

  /**
   * A third instance is SIGKILLed (with its builds) while it runs two slow builds and more runs
   * wait: its runs end FAILED naming it within the lease, every other run finishes elsewhere, none
   * is built or signed twice.
   */
  @Test
  void kill9_ofAnInstanceMidBuild_itsRunsFailAndTheQueuedOnesRunElsewhere_noneTwice()
      throws Exception {
    List<String> slow = new ArrayList<>();
    List<String> fast = new ArrayList<>();
    try (AppInstance doomed = startInstance("doomed", Map.of("instanceId", "doomed-instance"))) {
      ApiClient onDoomed = doomed.client(onFirst);
      for (int i = 0; i < 6; i++) {
        slow.add(ExecutionFixtures.started(onDoomed, "slow"));
      }
      for (int i = 0; i < 4; i++) {
        fast.add(ExecutionFixtures.started(i % 2 == 0 ? onDoomed : onSecond, "fast"));
      }
      int runningOnDoomed = awaitRunning(doomed, 2);
      assertThat(runningOnDoomed).isEqualTo(2);
      Instant killed = Instant.now();
      doomed.kill9();

      Map<String, Integer> slowSignatures = new HashMap<>();
      int failedOnDoomed = 0;
      for (String executionId : slow) {
        JsonNode ended = ExecutionFixtures.awaitEnd(onFirst, executionId, MAX_WAIT);
        if (ended.get("status").asText().equals("FAILED")) {
          assertThat(ended.get("failureMessage").asText())
              .isEqualTo("instance doomed-instance stopped while running this execution");
          assertThat(ended.at("/stages/0/status").asText()).isEqualTo("FAILED");
          failedOnDoomed++;
        } else {
          assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("SUCCESS");
          slowSignatures.put(executionId, 1);
        }
      }
      for (String executionId : fast) {
        JsonNode ended = ExecutionFixtures.awaitEnd(onFirst, executionId, MAX_WAIT);
        assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("SUCCESS");
      }
      assertThat(Duration.between(killed, Instant.now()))
          .isLessThan(MAX_WAIT.plus(Duration.ofSeconds(30)));
      assertThat(failedOnDoomed).as("the runs the killed instance had").isEqualTo(runningOnDoomed);
      String slowDigest =
          onFirst
              .get("/api/v1/executions/" + slowSignatures.keySet().iterator().next())
              .json()
              .at("/stages/0/steps/0/outcome/digest")
              .asText();
      assertThat(signaturesPerExecution("demo/slow", slowDigest)).isEqualTo(slowSignatures);
      JsonNode instances = first.admin().get("/api/v1/admin/instances").json().get("instances");
      JsonNode dead = null;
      for (JsonNode instance : instances) {
        if (instance.get("instanceId").asText().equals("doomed-instance")) {
          dead = instance;
        }
      }
      assertThat(dead).as(instances.toString()).isNotNull();
      assertThat(dead.get("alive").asBoolean()).isFalse();
    }
  }

  @Test
  void abort_onTheOtherInstance_stopsTheRunWhereverItRuns() {
    String executionId = ExecutionFixtures.started(onFirst, "slow");
    ExecutionFixtures.awaitStatus(onSecond, executionId, MAX_WAIT, "RUNNING");
    ExecutionFixtures.awaitStepRunning(onFirst, executionId, MAX_WAIT);

    Instant asked = Instant.now();
    ApiResponse abort = onSecond.postJson("/api/v1/executions/" + executionId + "/abort", "");
    assertThat(abort.status()).as(abort.toString()).isEqualTo(202);
    JsonNode ended = ExecutionFixtures.awaitEnd(onFirst, executionId, MAX_WAIT);

    assertThat(ended.get("status").asText()).isEqualTo("ABORTED");
    assertThat(ended.get("abortedBy").asText()).isEqualTo("Test User");
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(SLOW_SECONDS));
    ApiResponse again = onFirst.postJson("/api/v1/executions/" + executionId + "/abort", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("EXECUTION_ENDED");
  }

  private static AppInstance startInstance(String name, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(EXECUTION);
    settings.putAll(extra);
    return AppInstance.start(
        mongo.uri(), masterKey, registry.hostPort(), dirs.resolve(name), settings);
  }

  /**
   * Waits until {@code instance} runs {@code count} executions (its heartbeat); returns the count.
   */
  private static int awaitRunning(AppInstance instance, int count) {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    int running = 0;
    while (System.nanoTime() < deadline) {
      for (JsonNode listed : first.admin().get("/api/v1/admin/instances").json().get("instances")) {
        if (listed.get("instanceId").asText().equals(instance.instanceId())) {
          running = listed.get("running").asInt();
        }
      }
      if (running >= count) {
        // and long enough that its builds are under way
        ExecutionFixtures.sleep(Duration.ofSeconds(3));
        return running;
      }
      ExecutionFixtures.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError(
        "instance "
            + instance.instanceId()
            + " never ran "
            + count
            + " executions:\n"
            + instance.logTail());
  }

  /** How many signed layers of the image's {@code .att} name each execution id. */
  private static Map<String, Integer> signaturesPerExecution(String repository, String digest)
      throws Exception {
    HttpResponse<byte[]> manifest =
        HTTP.send(
            HttpRequest.newBuilder(
                    registry
                        .url()
                        .resolve(
                            "/v2/"
                                + repository
                                + "/manifests/sha256-"
                                + digest.substring(7)
                                + ".att"))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(manifest.statusCode()).isEqualTo(200);
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode layer : JSON.readTree(manifest.body()).get("layers")) {
      URI blob =
          registry.url().resolve("/v2/" + repository + "/blobs/" + layer.get("digest").asText());
      JsonNode envelope =
          JSON.readTree(
              HTTP.send(
                      HttpRequest.newBuilder(blob).build(), HttpResponse.BodyHandlers.ofByteArray())
                  .body());
      JsonNode statement =
          JSON.readTree(Base64.getDecoder().decode(envelope.get("payload").asText()));
      counts.merge(
          statement
              .at("/predicate/buildDefinition/internalParameters/pipelineExecutionId")
              .asText(),
          1,
          Integer::sum);
    }
    return counts;
  }
}
