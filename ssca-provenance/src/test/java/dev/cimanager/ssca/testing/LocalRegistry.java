package dev.cimanager.ssca.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real CNCF Distribution registry (Debian's {@code docker-registry}) on a free loopback port,
 * with its storage in a temp directory. Tests start one per class and close it after.
 *
 * <p>{@link #withBasicAuth} protects it with an htpasswd file (bcrypt), as a registry with
 * username/password credentials is.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final String BINARY = "/usr/bin/docker-registry";

  private final Process process;
  private final Path dir;
  private final int port;

  private LocalRegistry(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  public static LocalRegistry start() {
    return start(null, null);
  }

  /** A registry that answers 401 with a Basic challenge unless given these credentials. */
  public static LocalRegistry withBasicAuth(String username, String password) {
    return start(username, password);
  }

  private static LocalRegistry start(String username, String password) {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new IllegalStateException(
          BINARY
              + " is missing: install Debian's docker-registry (apt-get install -y docker-registry)");
    }
    try {
      Path dir = Files.createTempDirectory("registry");
      int port = freePort();
      StringBuilder config =
          new StringBuilder()
              .append("version: 0.1\n")
              .append("log:\n  level: error\n  accesslog:\n    disabled: true\n")
              .append("storage:\n  filesystem:\n    rootdirectory: ")
              .append(dir.resolve("data"))
              .append('\n')
              .append("  delete:\n    enabled: true\n")
              .append("http:\n  addr: 127.0.0.1:")
              .append(port)
              .append('\n')
              .append("  secret: test-only-secret\n");
      if (username != null) {
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, username + ":" + Bcrypt.hash(password) + "\n");
        config
            .append("auth:\n  htpasswd:\n    realm: test-registry\n    path: ")
            .append(htpasswd)
            .append('\n');
      }
      Path configFile = dir.resolve("config.yml");
      Files.writeString(configFile, config.toString());
      Process process =
          new ProcessBuilder(BINARY, "serve", configFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("registry.log").toFile())
              .start();
      LocalRegistry registry = new LocalRegistry(process, dir, port);
      registry.awaitReady();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start docker-registry", e);
    }
  }

  /** {@code 127.0.0.1:PORT}: the registry host as it appears in image references. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT}: the registry's base URL. */
  public URI url() {
    return URI.create("http://" + hostPort());
  }

  public Path storageDir() {
    return dir.resolve("data");
  }

  public String log() {
    try {
      return Files.readString(dir.resolve("registry.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the process but keeps its storage, so {@link #restart()} serves the same content. */
  public void stop() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts a new process on the same port and storage (a registry "coming back"). */
  public LocalRegistry restart() {
    try {
      Process next =
          new ProcessBuilder(BINARY, "serve", dir.resolve("config.yml").toString())
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dir.resolve("registry.log").toFile()))
              .start();
      LocalRegistry registry = new LocalRegistry(next, dir, port);
      registry.awaitReady();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("could not restart docker-registry", e);
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited: " + log());
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(url().resolve("/v2/"))
                    .timeout(Duration.ofSeconds(1))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200 || response.statusCode() == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    stop();
    throw new IllegalStateException("docker-registry did not answer on " + url() + ": " + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
