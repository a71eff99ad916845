package dev.cimanager.app.testing;

import dev.cimanager.app.CiManagerApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a child JVM ({@code config/ci-manager.yml}, free ports), for what a test
 * cannot do to its own process: {@link #kill9()} it. Settings come as the {@code CI_MANAGER_*}
 * environment variables.
 */
public final class AppProcess implements AutoCloseable {
  private static final Pattern UP =
      Pattern.compile("API and UI on port (\\d+), health checks on admin port (\\d+)");

  private final Process process;
  private final String baseUrl;

  private AppProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the app and waits until it serves. {@code env} overrides the defaults: fresh ports, no
   * external MongoDB, the admin token {@link TestApp#ADMIN_TOKEN}, loopback allowed, the test local
   * Git root.
   */
  public static AppProcess start(Path dataDir, Map<String, String> env)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                CiManagerApplication.class.getName(),
                "server",
                TestApp.configFile().toString())
            .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("CI_MANAGER_"));
    environment.put("CI_MANAGER_HTTP_PORT", "0");
    environment.put("CI_MANAGER_ADMIN_PORT", "0");
    environment.put("CI_MANAGER_DATA_DIR", dataDir.toString());
    environment.put("CI_MANAGER_ADMIN_TOKEN", TestApp.ADMIN_TOKEN);
    environment.put("CI_MANAGER_GIT_LOCAL_ROOT", TestApp.gitLocalRoot().toString());
    environment.put("CI_MANAGER_ALLOWED_PRIVATE_HOSTS", TestApp.LOOPBACK_HOSTS);
    environment.putAll(env);
    Process process = builder.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<String> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                  Matcher matcher = UP.matcher(line);
                  if (matcher.find()) {
                    port.complete(matcher.group(1));
                  }
                }
              } catch (IOException ignored) {
                // the process died; start() reports what it printed
              }
              port.complete(null);
            },
            "app-process-output");
    reader.setDaemon(true);
    reader.start();
    String httpPort;
    try {
      httpPort = port.get(Duration.ofSeconds(90).toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      httpPort = null;
    }
    if (httpPort == null) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(
          "the app did not start; it printed:\n" + String.join("\n", lines));
    }
    return new AppProcess(process, "http://127.0.0.1:" + httpPort);
  }

  public ApiClient admin() {
    return new ApiClient(baseUrl, TestApp.ADMIN_TOKEN);
  }

  /** A client with {@code token} for account {@code accountId}. */
  public ApiClient client(String token, String accountId) {
    return new ApiClient(baseUrl, token).forAccount(accountId);
  }

  /** SIGKILL: no shutdown hook, no flush, no close. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the app process did not die");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }
}
