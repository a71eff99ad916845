package dev.cimanager.ssca.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * An in-process mongo-java-server (H2 backend) reached over the wire protocol by the official
 * driver.
 */
final class TestMongo implements AutoCloseable {
  private final MongoServer server;
  private final MongoClient client;

  private TestMongo(H2Backend backend) {
    this.server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
  }

  static TestMongo inMemory() {
    return new TestMongo(H2Backend.inMemory());
  }

  /** Backed by an H2 file: a new instance on the same file sees what the previous one stored. */
  static TestMongo onFile(Path file) {
    return new TestMongo(new H2Backend(file.toString()));
  }

  MongoDatabase database() {
    return client.getDatabase("ci_manager");
  }

  @Override
  public void close() {
    client.close();
    server.shutdown();
  }
}
