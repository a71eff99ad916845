package dev.cimanager.ssca.storage.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to MongoDB through the official driver: to the configured URI, or, when none is
 * configured, to an in-process mongo-java-server with the H2 backend persisting to {@code
 * <dataDir>/mongo.mv.db}.
 *
 * <p>The embedded server listens on a free loopback port so the same driver code talks to both;
 * only features both support may be used (see DESIGN.md "Storage": lookups by {@code _id} or exact
 * unique keys).
 */
public final class MongoClientFactory {
  static final String EMBEDDED_FILE_NAME = "mongo.mv.db";
  private static final Logger LOG = LoggerFactory.getLogger(MongoClientFactory.class);

  private MongoClientFactory() {}

  /**
   * Connects to a real MongoDB at {@code uri}. Writes are acknowledged only once journaled and, on
   * a replica set, on a majority ({@code w: majority, j: true}): an answered API call survives a
   * crash of MongoDB or a failover. A {@code w} in the URI is kept, but always with the journal.
   */
  public static MongoConnection connect(String uri) {
    ConnectionString connectionString = new ConnectionString(uri);
    return new MongoConnection(MongoClients.create(settings(connectionString)), null);
  }

  static MongoClientSettings settings(ConnectionString connectionString) {
    WriteConcern requested = connectionString.getWriteConcern();
    WriteConcern durable =
        requested == null || requested.getWObject() == null
            ? WriteConcern.MAJORITY.withJournal(true)
            : requested.withJournal(true);
    return MongoClientSettings.builder()
        .applyConnectionString(connectionString)
        .writeConcern(durable)
        .build();
  }

  /** Starts the embedded server on {@code <dataDir>/mongo.mv.db} and connects to it. */
  public static MongoConnection startEmbedded(Path dataDir) {
    Path file = dataDir.resolve(EMBEDDED_FILE_NAME);
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "tried to create the data directory " + dataDir + " for the embedded MongoDB but failed",
          e);
    }
    H2Backend backend = DurableH2Backend.open(file);
    MongoServer server = new MongoServer(backend);
    try {
      server.bind("127.0.0.1", 0);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
    InetSocketAddress address = server.getLocalAddress();
    LOG.info("Embedded MongoDB (H2 file {}) listening on 127.0.0.1:{}", file, address.getPort());
    MongoClient client =
        MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true");
    return new MongoConnection(client, server);
  }

  /** {@link #connect(String)} when {@code uri} is non-blank, else {@link #startEmbedded(Path)}. */
  public static MongoConnection connectOrStartEmbedded(String uri, Path dataDir) {
    return uri == null || uri.isBlank() ? startEmbedded(dataDir) : connect(uri);
  }
}
