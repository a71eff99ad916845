package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.ReferenceException;
import dev.cimanager.app.net.GuardedGitHttp;
import dev.cimanager.app.net.OutboundAddresses;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.app.secrets.SecretException;
import dev.cimanager.ssca.api.RegistryPing;
import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.DestinationRefusedException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * "Test connection": reaches the connector's server with the clients runs use (the registry client
 * of {@code ssca-provenance}: {@code GET /v2/}, answering its Basic or Bearer challenge; JGit
 * {@code ls-remote} through {@link GuardedGitHttp}), so every connection, redirects included,
 * passes {@link OutboundAddresses} right before it opens, as a run's would: a name that resolved to
 * a public address when the connector was saved but to the server's own network now is not reached.
 * The answer is one sentence of ours: what the remote server sent is never repeated (it may be
 * anything an attacker's server chose).
 */
@Singleton
public final class ConnectionTester {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The outcome: {@code ok} when reachable and (if any) the credentials were accepted. */
  public record Result(boolean ok, String message) {}

  private final ConnectorService connectors;
  private final OutboundAddresses outbound;

  @Inject
  ConnectionTester(ConnectorService connectors, OutboundAddresses outbound) {
    this.connectors = connectors;
    this.outbound = outbound;
  }

  public Result test(Connector connector) {
    Optional<ResolvedSecret> password;
    try {
      password = connectors.password(connector);
    } catch (SecretException | ReferenceException e) {
      return new Result(false, "Not tested: " + e.getMessage() + ".");
    }
    return connector instanceof DockerRegistryConnector registry
        ? testRegistry(registry, password)
        : testGit((GitConnector) connector, password);
  }

  private Result testRegistry(DockerRegistryConnector registry, Optional<ResolvedSecret> password) {
    String where = registry.url().getScheme() + "://" + registry.hostPort();
    Credentials credentials =
        password
            .map(
                p ->
                    new Credentials(
                        ((ConnectorAuth.UsernamePassword) registry.auth()).username(),
                        p.valueAsString()))
            .orElse(null);
    RegistryPing.Answer answer;
    try {
      answer =
          RegistryPing.ping(
              registry.hostPort(),
              registry.isPlainHttp(),
              credentials,
              TIMEOUT,
              outbound.asDestinationGuard());
    } catch (IllegalArgumentException e) {
      return new Result(false, "Not tested: " + where + " is not a registry address.");
    }
    if (answer.accepted()) {
      return new Result(
          true,
          credentials != null
              ? "Reached the registry at " + where + " and it accepted the credentials."
              : "Reached the registry at " + where + "; it accepts anonymous requests.");
    }
    Throwable e = answer.failure();
    String refusal = refusal(e);
    if (refusal != null) {
      return new Result(false, "Not tested: " + refusal + ".");
    }
    int status = answer.status();
    if (status == 401 || status == 403) {
      return new Result(
          false,
          credentials != null
              ? "Reached the registry at " + where + " but it refused the username and password."
              : "Reached the registry at "
                  + where
                  + " but it requires credentials: use Username and password.");
    }
    if (status == 0) {
      return new Result(false, "Could not reach " + where + ": " + reason(e) + ".");
    }
    if (status == 200) {
      return new Result(
          false,
          "Reached the registry at "
              + where
              + " but its token service answered no usable"
              + " token.");
    }
    return new Result(
        false,
        "Reached "
            + where
            + " but it answered HTTP "
            + status
            + ": is this the URL of a Docker registry (API v2)?");
  }

  private Result testGit(GitConnector git, Optional<ResolvedSecret> password) {
    String url = git.url().toString();
    GuardedGitHttp http = new GuardedGitHttp(outbound);
    var ls =
        Git.lsRemoteRepository()
            .setRemote(url)
            .setHeads(true)
            .setTags(false)
            .setTimeout((int) TIMEOUT.toSeconds())
            .setTransportConfigCallback(http.installer());
    password.ifPresent(
        p ->
            ls.setCredentialsProvider(
                new UsernamePasswordCredentialsProvider(
                    ((ConnectorAuth.UsernamePassword) git.auth()).username(),
                    new String(p.value(), StandardCharsets.UTF_8))));
    try {
      int branches = ls.call().size();
      return new Result(
          true,
          "Reached the repository "
              + url
              + " ("
              + branches
              + " branch"
              + (branches == 1 ? "" : "es")
              + ")"
              + (password.isPresent() ? " and it accepted the credentials." : "."));
    } catch (GitAPIException | JGitInternalException e) {
      if (http.refusal() != null) {
        return new Result(false, "Not tested: " + http.refusal() + ".");
      }
      int status = http.lastStatus();
      String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (status == 401
          || status == 403
          || lower.contains("not authorized")
          || lower.contains("authentication is required")
          || lower.contains("auth fail")) {
        return new Result(
            false,
            "Reached "
                + url
                + " but the server refused the "
                + (password.isPresent()
                    ? "username and token."
                    : "anonymous request: use Username and token."));
      }
      if (status == 404
          || e instanceof InvalidRemoteException
          || lower.contains("not found")
          || lower.contains("does not appear to be a git repository")) {
        return new Result(false, "No Git repository was found at " + url + ".");
      }
      if (status < 0 && rootCause(e) instanceof IOException io) {
        return new Result(false, "Could not reach " + url + ": " + reason(io) + ".");
      }
      return new Result(
          false,
          "Could not list the branches of "
              + url
              + ": the server's answer was not a Git"
              + " repository's.");
    }
  }

  /** The outbound rules' refusal in {@code e}'s causes, or null. */
  private static String refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DestinationRefusedException refused) {
        return refused.getMessage();
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Our words for the usual network failures; never the remote's. */
  private static String reason(Throwable e) {
    Throwable cause = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "the host name is unknown";
      }
      if (t instanceof ConnectException) {
        return "the connection was refused";
      }
      if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
        return "no answer within " + TIMEOUT.toSeconds() + " seconds";
      }
      if (t instanceof SSLException) {
        return "the TLS handshake failed (" + t.getClass().getSimpleName() + ")";
      }
      cause = t;
    }
    return "the connection failed (" + cause.getClass().getSimpleName() + ")";
  }
}
