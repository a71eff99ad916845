package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.DestinationGuard;
import dev.cimanager.ssca.spi.DestinationRefusedException;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

/**
 * Sends registry requests so that a {@link DestinationGuard} sees every URL before it is connected
 * to. The JDK client asks its proxy selector once per request but not for the redirects it follows
 * itself, so the client follows no redirects and this class follows them (at most {@link
 * #MAX_REDIRECTS}), each a new request the guard checks.
 */
final class GuardedHttp {
  static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private GuardedHttp() {}

  /** A proxy selector that asks {@code guard} first, then the JVM's default selector. */
  static ProxySelector selector(DestinationGuard guard) {
    ProxySelector fallback = ProxySelector.getDefault();
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        guard.check(uri);
        return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
        if (fallback != null) {
          fallback.connectFailed(uri, address, e);
        }
      }
    };
  }

  /**
   * Sends {@code request}, following redirects. A refusal of the guard comes out as an {@link
   * IOException} whose cause is the {@link DestinationRefusedException}; an answer over {@link
   * BoundedBody#MAX_BYTES} as one whose cause chain holds a {@link BoundedBody.TooLargeException}.
   */
  static HttpResponse<byte[]> send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    HttpRequest current = request;
    for (int hop = 0; ; hop++) {
      HttpResponse<byte[]> response;
      try {
        response = http.send(current, BoundedBody.handler());
      } catch (DestinationRefusedException e) {
        throw new IOException(e.getMessage(), e);
      }
      var location = response.headers().firstValue("Location");
      if (!REDIRECTS.contains(response.statusCode())
          || location.isEmpty()
          || hop >= MAX_REDIRECTS) {
        return response;
      }
      current = redirected(current, current.uri().resolve(location.get()), response.statusCode());
    }
  }

  private static HttpRequest redirected(HttpRequest previous, URI target, int status)
      throws IOException {
    if ("https".equalsIgnoreCase(previous.uri().getScheme())
        && !"https".equalsIgnoreCase(target.getScheme())) {
      throw new IOException(
          "the registry redirected an HTTPS request to "
              + target.getScheme()
              + "://"
              + target.getHost()
              + ", which is refused");
    }
    String method = previous.method();
    boolean toGet = status == 303 || (status == 301 || status == 302) && "POST".equals(method);
    HttpRequest.Builder next = HttpRequest.newBuilder(target);
    previous.timeout().ifPresent(next::timeout);
    boolean sameHost =
        previous.uri().getAuthority() != null
            && previous.uri().getAuthority().equalsIgnoreCase(target.getAuthority());
    previous
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              // credentials for the registry never travel to another host (blob storage signs its
              // own URLs)
              if (sameHost || !name.equalsIgnoreCase("Authorization")) {
                values.forEach(value -> next.header(name, value));
              }
            });
    if (toGet) {
      next.GET();
    } else {
      next.method(method, previous.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
    }
    return next.build();
  }
}
