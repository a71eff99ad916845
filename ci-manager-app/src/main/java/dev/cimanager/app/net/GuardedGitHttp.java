package dev.cimanager.app.net;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connections for one Git operation: each connection (redirects included, JGit follows
 * them itself) is checked against {@link OutboundAddresses} right before it opens, and the last
 * answer's status is kept so a failure can be described without repeating what the server sent.
 * Used by runs ({@link GitCloner}) and by "Test connection", so both reach Git servers under the
 * same rules.
 */
public final class GuardedGitHttp extends JDKHttpConnectionFactory {
  private final OutboundAddresses outbound;
  private volatile String refusal;
  private volatile int lastStatus = -1;
  private volatile String lastRequest;

  public GuardedGitHttp(OutboundAddresses outbound) {
    this.outbound = outbound;
  }

  /**
   * Installs this factory on the HTTP transports of a JGit command (other transports are left
   * alone).
   */
  public TransportConfigCallback installer() {
    return transport -> {
      if (transport instanceof TransportHttp http) {
        http.setHttpConnectionFactory(this);
      }
    };
  }

  @Override
  public HttpConnection create(URL url) throws IOException {
    check(url);
    return new Recording(url);
  }

  @Override
  public HttpConnection create(URL url, Proxy proxy) throws IOException {
    check(url);
    return new Recording(url, proxy);
  }

  private void check(URL url) throws IOException {
    try {
      outbound.check(url.toURI());
    } catch (AddressRefusedException e) {
      refusal = e.getMessage();
      throw new IOException(e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IOException("not a valid URL", e);
    }
  }

  /** Why a connection was refused before it opened, or null. */
  public String refusal() {
    return refusal;
  }

  /** The HTTP status of the last answer, or -1 when none came. */
  public int lastStatus() {
    return lastStatus;
  }

  /** {@code GET http://host/path} of the last answer (no query string), or null. */
  public String lastRequest() {
    return lastRequest;
  }

  private final class Recording extends JDKHttpConnection {
    Recording(URL url) throws IOException {
      super(url);
    }

    Recording(URL url, Proxy proxy) throws IOException {
      super(url, proxy);
    }

    @Override
    public int getResponseCode() throws IOException {
      int status = super.getResponseCode();
      lastStatus = status;
      lastRequest = getRequestMethod() + " " + withoutQuery(getURL());
      return status;
    }
  }

  private static String withoutQuery(URL url) {
    try {
      URI uri = url.toURI();
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return url.getProtocol() + "://" + url.getHost();
    }
  }
}
