package dev.cimanager.app.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@link MongoServerMain} in a JVM of its own: the database several app processes share. */
public final class MongoProcess implements AutoCloseable {

  private final ChildJvm jvm;
  private final int port;

  private MongoProcess(ChildJvm jvm, int port) {
    this.jvm = jvm;
    this.port = port;
  }

  public static MongoProcess start(Path log) {
    ChildJvm jvm =
        ChildJvm.start(
            MongoServerMain.class,
            List.of("-Xmx768m", "-XX:+UseSerialGC"),
            List.of(),
            Map.of(),
            log);
    int port =
        Integer.parseInt(
            jvm.awaitLogLine(Pattern.compile("listening on (\\d+)"), Duration.ofMinutes(1)));
    return new MongoProcess(jvm, port);
  }

  public String uri() {
    return "mongodb://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    jvm.kill9();
  }
}
