package dev.cimanager.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Accepts HTTP connections and holds them unanswered until {@link #release()}; from then on it
 * answers every request, held or new, with 404, so a clone from it waits as long as a test needs,
 * then fails at once.
 */
public final class HeldGitServer implements AutoCloseable {
  private static final byte[] NOT_FOUND =
      "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  public final CountDownLatch connected = new CountDownLatch(1);
  private final ServerSocket server;
  private final List<Socket> held = new ArrayList<>();
  private boolean released;

  public HeldGitServer() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket socket = server.accept();
                  synchronized (this) {
                    if (released) {
                      answerNotFound(socket);
                    } else {
                      held.add(socket);
                    }
                  }
                  connected.countDown();
                }
              } catch (IOException closed) {
                // close() ends the loop
              }
            },
            "held-git-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/app.git");
  }

  public synchronized void release() {
    released = true;
    held.forEach(HeldGitServer::answerNotFound);
    held.clear();
  }

  private static void answerNotFound(Socket socket) {
    try (socket) {
      socket.getOutputStream().write(NOT_FOUND);
    } catch (IOException gone) {
      // the client already left
    }
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
  }
}
