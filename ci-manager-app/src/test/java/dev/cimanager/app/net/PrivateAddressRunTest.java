package dev.cimanager.app.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
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
    BuildFixtures.project(acme, "demo");
    BuildFixtures.registryConnector(
        acme, "", "local_registry", URI.create("http://127.0.0.1:5000"));
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
    BuildFixtures.cosignSecrets(acme, new byte[] {1}, "pw");
  }

  @AfterAll
  static void stop() {
    internal.stop(0);
  }

  @Test
  void run_failsItsCloneWithAClearMessage() throws Exception {
    String pipeline = "/api/v1/orgs/default/projects/demo/pipelines/build_app";
    acme.putYaml(pipeline, BuildFixtures.contractPipeline()).expect(201);
    String internalUrl = "http://127.0.0.1:" + internal.getAddress().getPort() + "/admin?x=";
    APP.service(MongoDatabase.class)
        .getCollection("connectors")
        .updateOne(
            new Document(
                "_id", Scope.project(acme.accountId(), "default", "demo").idOf("app_repo")),
            new Document("$set", new Document("spec.url", internalUrl)));
    ApiResponse saveAgain = acme.putYaml(pipeline, BuildFixtures.contractPipeline());
    assertThat(saveAgain.status()).isEqualTo(400);
    assertThat(saveAgain.message()).contains("CI_MANAGER_ALLOWED_PRIVATE_HOSTS");

    JsonNode execution = ExecutionFixtures.runToEnd(acme, "build_app", Duration.ofSeconds(60));

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    assertThat(execution.at("/stages/0/failureMessage").asText())
        .contains("codebase's Git connector 'app_repo'")
        .contains("is refused")
        .contains("CI_MANAGER_ALLOWED_PRIVATE_HOSTS");
    assertThat(HITS.get()).isZero();
  }
}
