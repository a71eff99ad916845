package dev.cimanager.app.triggers;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How fast the webhook endpoint answers 202: the running application (embedded MongoDB on its H2
 * file), GitHub-signed push deliveries over loopback HTTP, one at a time, each with a new delivery
 * id. Two series: deliveries that match the trigger (each verifies, parses, claims its id and
 * queues a run: the runs execute meanwhile on the workers, as they would) and deliveries the
 * conditions turn away (202, no run).
 *
 * <pre>
 * ./scripts/bench.sh webhook      # 1000 deliveries per series after 200 warm-up ones (~6 minutes)
 * </pre>
 */
public final class WebhookBenchmark {

  private WebhookBenchmark() {}

  public static void main(String[] args) throws Exception {
    int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    TestApp app =
        new TestApp()
            .with("insecureRegistries", "127.0.0.1:1")
            .with("execution.maxQueued", Integer.toString(2 * (deliveries + warmUp) + 10));
    Path origin = Files.createTempDirectory("webhook-bench-");
    app.beforeAll(null);
    try {
      BuildFixtures.commitScratchImage(origin);
      String sha =
          org.eclipse.jgit.api.Git.open(origin.toFile()).getRepository().resolve("HEAD").name();
      ApiClient acme = app.newAccount();
      BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:1"), origin.toUri());
      BuildFixtures.textSecret(acme, "github_webhook_secret", TriggersApiTest.SECRET);
      // runs fail at once (no clone, no Dockerfile): the figures are the endpoint's, not the
      // builds'
      require(
          acme.putYaml(
              TriggersApiTest.PIPELINES + "build_app",
              TriggersApiTest.pipelineYaml("build_app")
                  .replace("cloneCodebase: true", "cloneCodebase: false")),
          201);
      ApiResponse trigger =
          acme.putYaml(
              TriggersApiTest.PIPELINES + "build_app/triggers/on_push",
              TriggersApiTest.webhookYaml(
                  "on_push", "build_app", "Github", "Push", TriggersApiTest.MAIN_ONLY));
      require(trigger, 201);
      String url = trigger.json().get("webhookUrl").asText();
      byte[] matching = TriggersApiTest.push("main", sha);
      byte[] turnedAway = TriggersApiTest.push("feature", sha);

      series(app, url, turnedAway, warmUp, "warm-up", false, 0);
      series(app, url, turnedAway, deliveries, "turned away by a condition (no run)", false, 0);
      // a steady flow the workers keep up with: the queue stays short, as it does in normal
      // operation
      series(
          app, url, matching, deliveries, "matching, paced at 5/s (queue stays short)", true, 200);
      // back to back: runs pile up in the queue faster than the workers end them
      series(app, url, matching, deliveries, "matching, back to back (queue grows)", true, 0);
    } finally {
      app.afterAll(null);
    }
  }

  private static void series(
      TestApp app,
      String url,
      byte[] body,
      int count,
      String name,
      boolean starts,
      long pauseMillis)
      throws InterruptedException {
    String signature = WebhookFixtures.githubSignature(TriggersApiTest.SECRET, body);
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      ApiResponse response =
          WebhookFixtures.github(
              app.anonymous(),
              url,
              "push",
              java.util.UUID.randomUUID().toString(),
              signature,
              body);
      nanos[i] = System.nanoTime() - start;
      require(response, 202);
      if (starts != (response.json().get("executionIds").size() == 1)) {
        throw new IllegalStateException("unexpected answer " + response);
      }
      Thread.sleep(pauseMillis);
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-48s n=%d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n",
        name,
        count,
        ms(nanos, 0.50),
        ms(nanos, 0.95),
        ms(nanos, 0.99),
        nanos[count - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static void require(ApiResponse response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + " but got " + response);
    }
  }
}
