package dev.cimanager.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import dev.cimanager.app.CiManagerApplication;
import dev.cimanager.app.CiManagerConfiguration;
import dev.cimanager.ssca.testing.LocalRegistry;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real application once per test class: {@code config/ci-manager.yml} with random ports,
 * a fresh temporary data directory (embedded MongoDB on an H2 file), the admin token {@link
 * #ADMIN_TOKEN} and no environment influence (every environment-fed setting is overridden).
 *
 * <pre>{@code
 * class MyResourceTest {
 *   @RegisterExtension static final TestApp APP = new TestApp();
 *
 *   @Test void create_works() {
 *     ApiClient acme = APP.newAccount();                 // a fresh account + its user token
 *     ApiResponse r = acme.postJson("/api/v1/orgs", Map.of("identifier", "eng", "name", "Eng"));
 *     assertThat(r.status()).isEqualTo(201);
 *     SecretService secrets = APP.service(SecretService.class);  // server-side services via Guice
 *   }
 * }
 * }</pre>
 *
 * Extra settings: {@code new TestApp().with("execution.workers", "1")}; a test that builds pushes
 * to a {@code LocalRegistry} with {@code new TestApp().pushingTo(REGISTRY)}. {@link #restart()}
 * stops and starts the app on the same data directory (persistence tests).
 */
public final class TestApp implements BeforeAllCallback, AfterAllCallback {
  public static final String ADMIN_TOKEN = "test-admin-token";

  /**
   * CI_MANAGER_GIT_LOCAL_ROOT of every app this JVM starts: {@code file://} Git URLs must point
   * under {@code <root>/<account>/}. {@link BuildFixtures#gitConnector} moves a repository there
   * when needed.
   */
  private static final Path GIT_LOCAL_ROOT = createGitLocalRoot();

  /** CI_MANAGER_ALLOWED_PRIVATE_HOSTS unless a test overrides it: every loopback port. */
  public static final String LOOPBACK_HOSTS = "127.0.0.1,localhost,[::1]";

  private final Map<String, String> extraSettings = new java.util.LinkedHashMap<>();
  private LocalRegistry registry;
  private Path dataDir;
  private DropwizardTestSupport<CiManagerConfiguration> support;

  /** Overrides one configuration setting (dotted path as in Dropwizard's {@code dw.} overrides). */
  public TestApp with(String key, String value) {
    extraSettings.put(key, value);
    return this;
  }

  /** Lets builds push to {@code registry} over HTTP, and closes it after the test class. */
  public TestApp pushingTo(LocalRegistry registry) {
    this.registry = registry;
    return with("insecureRegistries", registry.hostPort());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("ci-manager-test-");
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      stop();
      deleteRecursively(dataDir);
    } finally {
      if (registry != null) {
        registry.close();
      }
    }
  }

  /** Stops the app and starts it again on the same data directory. */
  public void restart() throws Exception {
    stop();
    start();
  }

  private void start() throws Exception {
    // one override per key: DropwizardTestSupport keeps them in a Set, so a repeated key wins at
    // random
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("server.applicationConnectors[0].port", "0");
    settings.put("server.adminConnectors[0].port", "0");
    settings.put("dataDir", dataDir.toString());
    settings.put("mongo.uri", "");
    settings.put("security.masterKey", "");
    settings.put("security.adminToken", ADMIN_TOKEN);
    settings.put("insecureRegistries", "");
    // a test class that ends with a run in flight should not wait the production grace for it
    settings.put("execution.shutdownGrace", "2s");

    settings.put("gitLocalRoot", GIT_LOCAL_ROOT.toString());
    // tests run their registries and Git servers on loopback; SSRF tests override this with ""
    settings.put("allowedPrivateHosts", LOOPBACK_HOSTS);
    settings.putAll(extraSettings);
    List<ConfigOverride> overrides = new ArrayList<>();
    settings.forEach((key, value) -> overrides.add(ConfigOverride.config(key, value)));
    support =
        new DropwizardTestSupport<>(
            CiManagerApplication.class,
            configFile().toString(),
            overrides.toArray(ConfigOverride[]::new));
    support.before();
  }

  private void stop() {
    if (support != null) {
      support.after();
      support = null;
    }
  }

  /** {@code http://127.0.0.1:<port>} of the application connector. */
  public String baseUrl() {
    return "http://127.0.0.1:" + support.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port>} of the admin connector (health checks). */
  public String adminUrl() {
    return "http://127.0.0.1:" + support.getAdminPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The local Git root every test app uses (CI_MANAGER_GIT_LOCAL_ROOT). */
  public static Path gitLocalRoot() {
    return GIT_LOCAL_ROOT;
  }

  /**
   * {@code <local Git root>/<accountId>}, created: where that account's {@code file://}
   * repositories may be.
   */
  public static Path localGitFolder(String accountId) {
    try {
      return Files.createDirectories(GIT_LOCAL_ROOT.resolve(accountId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createGitLocalRoot() {
    try {
      Path root = Files.createTempDirectory("ci-manager-git-root-").toRealPath();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      deleteRecursively(root);
                    } catch (IOException | UncheckedIOException ignored) {
                      // a leftover temp folder is harmless
                    }
                  }));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client without any token (for 401 checks). */
  public ApiClient anonymous() {
    return new ApiClient(baseUrl(), null);
  }

  /** A client sending {@code token}. */
  public ApiClient client(String token) {
    return new ApiClient(baseUrl(), token);
  }

  public ApiClient admin() {
    return client(ADMIN_TOKEN);
  }

  /** Creates an account with a random identifier and returns a client acting as its user. */
  public ApiClient newAccount() {
    return newAccount("acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
  }

  /**
   * Creates account {@code identifier} (user "Test User", test@example.com) and returns its client.
   */
  public ApiClient newAccount(String identifier) {
    ApiResponse response =
        admin()
            .postJson(
                "/api/v1/accounts",
                Map.of(
                    "identifier",
                    identifier,
                    "name",
                    "Account " + identifier,
                    "user",
                    Map.of("name", "Test User", "email", "test@example.com")));
    if (response.status() != 201) {
      throw new IllegalStateException("creating account " + identifier + " failed: " + response);
    }
    JsonNode json = response.json();
    return client(json.get("token").asText()).forAccount(json.get("identifier").asText());
  }

  /** The running application's Guice injector. */
  public Injector injector() {
    return ((CiManagerApplication) support.getApplication()).injector();
  }

  /**
   * A server-side service from the running application, e.g. {@code service(SecretService.class)}.
   */
  public <T> T service(Class<T> type) {
    return injector().getInstance(type);
  }

  /** {@code config/ci-manager.yml}, found from the module or the reactor root. */
  public static Path configFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("config/ci-manager.yml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "config/ci-manager.yml not found above " + Path.of("").toAbsolutePath());
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
