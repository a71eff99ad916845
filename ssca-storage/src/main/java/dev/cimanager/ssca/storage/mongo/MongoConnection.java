package dev.cimanager.ssca.storage.mongo;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A driver client and, for the embedded default, the in-process server behind it. Closing closes
 * the client first, then the server (which flushes and closes the H2 file).
 */
public final class MongoConnection implements AutoCloseable {
  private final MongoClient client;
  private final MongoServer embeddedServer;

  MongoConnection(MongoClient client, MongoServer embeddedServer) {
    this.client = client;
    this.embeddedServer = embeddedServer;
  }

  public MongoClient client() {
    return client;
  }

  public boolean isEmbedded() {
    return embeddedServer != null;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (embeddedServer != null) {
        embeddedServer.shutdownNow();
      }
    }
  }

  @Override
  public String toString() {
    // Never print the URI: it may carry credentials.
    return isEmbedded() ? "MongoConnection[embedded]" : "MongoConnection[external]";
  }
}
