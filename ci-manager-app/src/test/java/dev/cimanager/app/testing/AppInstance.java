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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One CI manager process (the application's main, {@code config/ci-manager.yml}) in a child JVM,
 * for what a test cannot do to its own process (SIGKILL it, run several): its own data directory
 * and ports, the admin token {@link TestApp#ADMIN_TOKEN}, loopback allowed, the test local Git
 * root; on a shared MongoDB with the cluster's master key ({@link #start}) or alone ({@link
 * #standalone}); execution settings as {@code -Ddw.execution.*} overrides.
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
   * An instance of a cluster on a shared MongoDB.
   *
   * @param execution {@code execution.*} settings, e.g. {@code workers -> 2}
   */
  public static AppInstance start(
      String mongoUri,
      String masterKey,
      String insecureRegistries,
      Path dataDir,
      Map<String, String> execution) {
    return start(
        dataDir,
        execution,
        Map.of(
            "CI_MANAGER_MONGO_URI",
            mongoUri,
            "CI_MANAGER_MASTER_KEY",
            masterKey,
            "CI_MANAGER_INSECURE_REGISTRIES",
            insecureRegistries));
  }

  /**
   * A single instance as {@code ./scripts/run.sh} starts it: no external MongoDB (the embedded
   * store in {@code dataDir}) and the master key the app keeps there, so a second start on the same
   * directory finds what the first one wrote.
   */
  public static AppInstance standalone(Path dataDir) {
    return start(dataDir, Map.of(), Map.of());
  }

  private static AppInstance start(
      Path dataDir, Map<String, String> execution, Map<String, String> settings) {
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
      if (modes.add(PosixFilePermission.OTHERS_EXECUTE)) {
        Files.setPosixFilePermissions(parent, modes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new HashMap<>(settings);
    env.put("CI_MANAGER_DATA_DIR", dataDir.toString());
    env.put("CI_MANAGER_ADMIN_TOKEN", TestApp.ADMIN_TOKEN);
    env.put("CI_MANAGER_GIT_LOCAL_ROOT", TestApp.gitLocalRoot().toString());
    env.put("CI_MANAGER_ALLOWED_PRIVATE_HOSTS", TestApp.LOOPBACK_HOSTS);
    env.put("CI_MANAGER_HTTP_PORT", Integer.toString(port));
    env.put("CI_MANAGER_ADMIN_PORT", Integer.toString(freePort()));
    // a restart on the same data directory appends to the log: wait for this start's lines only
    Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
    ChildJvm jvm =
        ChildJvm.start(
            CiManagerApplication.class,
            options,
            List.of("server", TestApp.configFile().toString()),
            env,
            log);
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

  /** A client with {@code token} for account {@code accountId}. */
  public ApiClient client(String token, String accountId) {
    return new ApiClient(baseUrl(), token).forAccount(accountId);
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
