package dev.cimanager.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectorsApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static final String LOCAL_REGISTRY =
      """
      {"identifier":"local_registry","name":"Local registry","type":"DockerRegistry",
       "spec":{"dockerRegistryUrl":"http://127.0.0.1:5000","providerType":"Other",
               "auth":{"type":"Anonymous"}}}""";
  private static final String HUB =
      """
      {"identifier":"hub","name":"Hub","type":"DockerRegistry",
       "spec":{"dockerRegistryUrl":"https://registry.example.com","providerType":"Other",
               "auth":{"type":"UsernamePassword","spec":{"username":"ci","passwordRef":"account.hub_pw"}}}}""";
  private static final String APP_REPO_TEMPLATE =
      """
      {"identifier":"app_repo","name":"App repo","type":"Git",
       "spec":{"url":"file:///srv/git/app.git","connectionType":"Repo","authentication":{"type":"Anonymous"}}}""";

  private static ApiClient acme;
  private static Scope project;

  /** A repository URL under the account's folder of the local Git root (it need not exist). */
  private static String repoUrl;

  private static String APP_REPO;

  @BeforeAll
  static void createAccount() {
    acme = APP.newAccount();
    repoUrl = TestApp.localGitFolder(acme.accountId()).resolve("app.git").toUri().toString();
    APP_REPO = APP_REPO_TEMPLATE.replace("file:///srv/git/app.git", repoUrl);
    acme.postJson("/api/v1/orgs/default/projects", Map.of("identifier", "app", "name", "App"));
    project = Scope.project(acme.accountId(), "default", "app");
  }

  @Test
  void create_contractShapes_atEveryScope() {
    ApiResponse registry = acme.postJson("/api/v1/connectors", LOCAL_REGISTRY);
    ApiResponse hub = acme.postJson("/api/v1/orgs/default/connectors", HUB);
    ApiResponse git = acme.postJson("/api/v1/orgs/default/projects/app/connectors", APP_REPO);

    assertThat(registry.status()).isEqualTo(201);
    assertThat(hub.status()).isEqualTo(201);
    assertThat(git.status()).isEqualTo(201);
    JsonNode got = acme.get("/api/v1/connectors/local_registry").json();
    assertThat(got.get("type").asText()).isEqualTo("DockerRegistry");
    assertThat(got.at("/spec/dockerRegistryUrl").asText()).isEqualTo("http://127.0.0.1:5000");
    assertThat(got.get("reference").asText()).isEqualTo("account.local_registry");
    assertThat(
            acme.get("/api/v1/orgs/default/connectors/hub")
                .json()
                .at("/spec/auth/spec/passwordRef")
                .asText())
        .isEqualTo("account.hub_pw");
    assertThat(
            acme.get("/api/v1/orgs/default/projects/app/connectors/app_repo")
                .json()
                .get("reference")
                .asText())
        .isEqualTo("app_repo");

    ConnectorService connectors = APP.service(ConnectorService.class);
    DockerRegistryConnector local =
        connectors.resolveDockerRegistry(project, "account.local_registry");
    assertThat(local.hostPort()).isEqualTo("127.0.0.1:5000");
    assertThat(local.isPlainHttp()).isTrue();
    assertThat(local.auth()).isInstanceOf(ConnectorAuth.Anonymous.class);
    DockerRegistryConnector resolvedHub = connectors.resolveDockerRegistry(project, "org.hub");
    assertThat(resolvedHub.auth())
        .isEqualTo(new ConnectorAuth.UsernamePassword("ci", "account.hub_pw"));
    assertThat(resolvedHub.scope()).isEqualTo(Scope.org(acme.accountId(), "default"));
    GitConnector repo = connectors.resolveGit(project, "app_repo");
    assertThat(repo.url()).isEqualTo(URI.create(repoUrl));
  }

  @Test
  void resolve_errorsNameTheReference() {
    ConnectorService connectors = APP.service(ConnectorService.class);
    acme.postJson(
        "/api/v1/orgs/default/projects/app/connectors", APP_REPO.replace("app_repo", "repo_two"));

    assertThatThrownBy(() -> connectors.resolve(project, "account.nowhere"))
        .hasMessage("connector account.nowhere not found");
    assertThatThrownBy(() -> connectors.resolveDockerRegistry(project, "repo_two"))
        .hasMessage(
            "connector repo_two is a Git connector but a DockerRegistry connector is required");
  }

  @Test
  void password_resolvesFromTheConnectorScope() {
    acme.postJson(
        "/api/v1/secrets/text", Map.of("identifier", "reg_pw", "name", "P", "value", "s3cret"));
    acme.postJson(
        "/api/v1/orgs/default/connectors",
        HUB.replace("\"hub\"", "\"hub_two\"").replace("account.hub_pw", "account.reg_pw"));

    ConnectorService connectors = APP.service(ConnectorService.class);
    Connector hub = connectors.resolve(project, "org.hub_two");

    assertThat(connectors.password(hub).orElseThrow().valueAsString()).isEqualTo("s3cret");
  }

  @Test
  void create_invalidFields_nameTheJsonPath() {
    assertInvalid(
        LOCAL_REGISTRY.replace("http://127.0.0.1:5000", "ftp://x"), "spec.dockerRegistryUrl");
    assertInvalid(LOCAL_REGISTRY.replace("\"Other\"", "\"Acme\""), "spec.providerType");
    assertInvalid(LOCAL_REGISTRY.replace("\"Anonymous\"", "\"Kerberos\""), "spec.auth.type");
    assertInvalid(HUB.replace("\"username\":\"ci\",", ""), "spec.auth.spec.username");
    assertInvalid(HUB.replace("account.hub_pw", "bad ref"), "spec.auth.spec.passwordRef");
    // Basic auth joins user and password with ':': refused when saved, not after buildah has pushed
    assertInvalid(
        HUB.replace("\"username\":\"ci\"", "\"username\":\"ci:x\""),
        "spec.auth.spec.username must not contain ':'");
    assertInvalid(APP_REPO.replace(repoUrl, "ssh://git@x/y"), "spec.url");
    assertInvalid(APP_REPO.replace("\"Repo\"", "\"Account\""), "spec.connectionType");
    assertInvalid(
        APP_REPO.replace(
            "{\"type\":\"Anonymous\"}",
            "{\"type\":\"Http\",\"spec\":{\"type\":\"UsernamePassword\",\"spec\":{\"username\":\"u\"}}}"),
        "spec.authentication.spec.spec.passwordRef");
    assertInvalid(APP_REPO.replace("\"Git\"", "\"Jira\""), "type");
    assertInvalid("{\"identifier\":\"x\",\"name\":\"X\",\"type\":\"Git\"}", "spec");
  }

  @Test
  void create_validGitHttpAuth() {
    String body =
        APP_REPO
            .replace("app_repo", "http_repo")
            .replace(repoUrl, "https://git.example.com/app.git")
            .replace(
                "{\"type\":\"Anonymous\"}",
                "{\"type\":\"Http\",\"spec\":{\"type\":\"UsernamePassword\",\"spec\":{\"username\":\"u\",\"passwordRef\":\"account.git_pw\"}}}");

    assertThat(acme.postJson("/api/v1/connectors", body).status()).isEqualTo(201);
    GitConnector git = APP.service(ConnectorService.class).resolveGit(project, "account.http_repo");
    assertThat(git.auth()).isEqualTo(new ConnectorAuth.UsernamePassword("u", "account.git_pw"));
  }

  @Test
  void create_duplicate() {
    acme.postJson("/api/v1/connectors", LOCAL_REGISTRY.replace("local_registry", "dup_c"));

    ApiResponse again =
        acme.postJson("/api/v1/connectors", LOCAL_REGISTRY.replace("local_registry", "dup_c"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("DUPLICATE_IDENTIFIER");
    assertThat(again.message()).contains("dup_c");
  }

  @Test
  void otherAccount_seesNotFound() {
    acme.postJson("/api/v1/connectors", LOCAL_REGISTRY.replace("local_registry", "private_reg"));
    ApiClient other = APP.newAccount();

    ApiResponse response = other.get("/api/v1/connectors/private_reg");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("CONNECTOR_NOT_FOUND");
  }

  private static void assertInvalid(String body, String field) {
    ApiResponse response = acme.postJson("/api/v1/connectors", body);
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.message()).as(body).startsWith(field);
  }
}
