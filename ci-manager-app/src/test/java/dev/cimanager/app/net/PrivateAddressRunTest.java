package dev.cimanager.app.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Git connector that points into the server's network by the time a run uses it (here: changed
 * straight in the database, as if its host's DNS or the operator's allow list changed since it was
 * saved) fails the run with a clear step failure, and the internal service is never contacted.
 * Saving a pipeline that refers to such a connector is refused too.
 */
class PrivateAddressRunTest {
  @RegisterExtension
  static final TestApp APP =
      new TestApp().with("allowedPrivateHosts", "").with("insecureRegistries", "127.0.0.1:5000");

  private static final AtomicInteger HITS = new AtomicInteger();
  private static HttpServer internal;
  private static ApiClient acme;

  @BeforeAll
  static void setUp() throws Exception {
    internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          HITS.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    internal.start();
    acme = APP.newAccount();
    expect(
        acme.postJson(
            "/api/v1/orgs/default/projects", Map.of("identifier", "demo", "name", "Demo")),
        201);
    expect(
        acme.postJson(
            "/api/v1/connectors",
            Map.of(
                "identifier",
                "local_registry",
                "name",
                "R",
                "type",
                "DockerRegistry",
                "spec",
                Map.of(
                    "dockerRegistryUrl",
                    "http://127.0.0.1:5000",
                    "providerType",
                    "Other",
                    "auth",
                    Map.of("type", "Anonymous")))),
        201);
    Scope project = Scope.project(acme.accountId(), "default", "demo");
    String url = "https://203.0.113.9/app.git"; // public (documentation range): accepted
    APP.service(MongoDatabase.class)
        .getCollection("connectors")
        .insertOne(
            new Document("_id", project.idOf("app_repo"))
                .append("accountId", project.accountId())
                .append("orgId", project.orgId())
                .append("projectId", project.projectId())
                .append("scopeKey", project.key())
                .append("identifier", "app_repo")
                .append("name", "Repo")
                .append("description", null)
                .append("type", "Git")
                .append(
                    "spec",
                    new Document("url", url)
                        .append("connectionType", "Repo")
                        .append("authentication", new Document("type", "Anonymous")))
                .append("createdAt", new Date()));
    expect(
        acme.postMultipart(
            "/api/v1/secrets/file",
            Map.of("identifier", "cosign_private_key", "name", "K"),
            "file",
            new byte[] {1}),
        201);
    expect(
        acme.postJson(
            "/api/v1/secrets/text",
            Map.of("identifier", "cosign_password", "name", "P", "value", "pw")),
        201);
  }

  @AfterAll
  static void stop() {
    internal.stop(0);
  }

  @Test
  void run_failsItsCloneWithAClearMessage() throws Exception {
    String pipeline = "/api/v1/orgs/default/projects/demo/pipelines/build_app";
    expect(acme.putYaml(pipeline, example()), 201);
    String internalUrl = "http://127.0.0.1:" + internal.getAddress().getPort() + "/admin?x=";
    APP.service(MongoDatabase.class)
        .getCollection("connectors")
        .updateOne(
            new Document(
                "_id", Scope.project(acme.accountId(), "default", "demo").idOf("app_repo")),
            new Document("$set", new Document("spec.url", internalUrl)));
    ApiResponse saveAgain = acme.putYaml(pipeline, example());
    assertThat(saveAgain.status()).isEqualTo(400);
    assertThat(saveAgain.message()).contains("CI_MANAGER_ALLOWED_PRIVATE_HOSTS");

    ApiResponse started = acme.postJson(pipeline + "/executions", Map.of());
    expect(started, 202);
    JsonNode execution = awaitEnd(started.json().get("executionId").asText());

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    assertThat(execution.at("/stages/0/failureMessage").asText())
        .contains("codebase's Git connector 'app_repo'")
        .contains("is refused")
        .contains("CI_MANAGER_ALLOWED_PRIVATE_HOSTS");
    assertThat(HITS.get()).isZero();
  }

  private static JsonNode awaitEnd(String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode json = acme.get("/api/v1/executions/" + id).json();
      if (!json.get("status").asText().equals("QUEUED")
          && !json.get("status").asText().equals("RUNNING")) {
        return json;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("execution " + id + " did not end");
  }

  private static String example() throws Exception {
    try (InputStream in =
        PrivateAddressRunTest.class.getResourceAsStream(
            "/dev/cimanager/app/pipelines/pipeline-slsa.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void expect(ApiResponse response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }
}
