package dev.cimanager.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.CiManagerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One CI manager process (the application's main, {@code config/ci-manager.yml}) on a shared
 * MongoDB: its own data directory and ports, the cluster's master key and admin token, execution
 * settings as {@code -Ddw.execution.*} overrides.
 */
public final class AppInstance implements AutoCloseable {

  private static final Pattern UP = Pattern.compile("ci-manager is up");
  private static final Pattern INSTANCE =
      Pattern.compile("execution engine started as instance (\\S+)");

  private final ChildJvm jvm;
  private final int port;
  private final String instanceId;

  private AppInstance(ChildJvm jvm, int port, String instanceId) {
    this.jvm = jvm;
    this.port = port;
    this.instanceId = instanceId;
  }

  /**
   * @param execution {@code execution.*} settings, e.g. {@code workers -> 2}
   */
  public static AppInstance start(
      String mongoUri,
      String masterKey,
      String insecureRegistries,
      Path dataDir,
      Map<String, String> execution) {
    int port = freePort();
    List<String> options =
        new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    execution.forEach((key, value) -> options.add("-Ddw.execution." + key + "=" + value));
    try {
      Files.createDirectories(dataDir);
      // isolated builds run as host uids 100000+ and must traverse to their files under the data
      // dir
      Path parent = dataDir.getParent();
      Set<PosixFilePermission> modes = new HashSet<>(Files.getPosixFilePermissions(parent));
      modes.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(parent, modes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChildJvm jvm =
        ChildJvm.start(
            CiManagerApplication.class,
            options,
            List.of("server", TestApp.configFile().toString()),
            Map.ofEntries(
                Map.entry("CI_MANAGER_DATA_DIR", dataDir.toString()),
                Map.entry("CI_MANAGER_MONGO_URI", mongoUri),
                Map.entry("CI_MANAGER_MASTER_KEY", masterKey),
                Map.entry("CI_MANAGER_ADMIN_TOKEN", TestApp.ADMIN_TOKEN),
                Map.entry("CI_MANAGER_INSECURE_REGISTRIES", insecureRegistries),
                Map.entry("CI_MANAGER_GIT_LOCAL_ROOT", TestApp.gitLocalRoot().toString()),
                Map.entry("CI_MANAGER_ALLOWED_PRIVATE_HOSTS", TestApp.LOOPBACK_HOSTS),
                Map.entry("CI_MANAGER_HTTP_PORT", Integer.toString(port)),
                Map.entry("CI_MANAGER_ADMIN_PORT", Integer.toString(freePort()))),
            dataDir.resolve("app.log"));
    jvm.awaitLogLine(UP, Duration.ofMinutes(3));
    return new AppInstance(jvm, port, jvm.awaitLogLine(INSTANCE, Duration.ofSeconds(5)));
  }

  public String instanceId() {
    return instanceId;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public ApiClient admin() {
    return new ApiClient(baseUrl(), TestApp.ADMIN_TOKEN);
  }

  /** The same account's user on this instance. */
  public ApiClient client(ApiClient sameAccountElsewhere) {
    return new ApiClient(baseUrl(), sameAccountElsewhere.token())
        .forAccount(sameAccountElsewhere.accountId());
  }

  /**
   * Creates an account with a random identifier through this instance; returns its user's client.
   */
  public ApiClient newAccount() {
    String identifier = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ApiResponse response =
        admin()
            .postJson(
                "/api/v1/accounts",
                Map.of(
                    "identifier",
                    identifier,
                    "name",
                    identifier,
                    "user",
                    Map.of("name", "Test User", "email", "test@example.com")));
    if (response.status() != 201) {
      throw new IllegalStateException("creating account " + identifier + " failed: " + response);
    }
    JsonNode json = response.json();
    return new ApiClient(baseUrl(), json.get("token").asText())
        .forAccount(json.get("identifier").asText());
  }

  public void kill9() {
    jvm.kill9();
  }

  public String logTail() {
    return jvm.tail();
  }

  @Override
  public void close() {
    jvm.close();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
