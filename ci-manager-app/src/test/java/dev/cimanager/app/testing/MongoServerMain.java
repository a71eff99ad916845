package dev.cimanager.app.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A MongoDB wire-protocol server (mongo-java-server, H2 in memory) as a process of its own: the
 * shared database of several CI manager processes in tests. Prints {@code listening on <port>} once
 * it accepts connections and runs until its standard input closes (its parent ended) or it is
 * killed.
 */
public final class MongoServerMain {

  private MongoServerMain() {}

  public static void main(String[] args) throws IOException {
    MongoServer server = new MongoServer(H2Backend.inMemory());
    InetSocketAddress address = server.bind();
    System.out.println("listening on " + address.getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // keep running until the parent closes our stdin
    }
    server.shutdownNow();
  }
}
