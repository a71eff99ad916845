package dev.cimanager.app.connectors;

import dev.cimanager.app.errors.ApiException;
import dev.cimanager.app.secrets.ResolvedSecret;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * "Test connection": reaches the connector's server the way a run would (Docker registry API v2
 * {@code /v2/} with its token or basic auth; Git {@code ls-remote}) and answers one sentence. The
 * sentence is ours: the remote server's response body is never repeated (it may be anything an
 * attacker's server chose).
 */
@Singleton
public final class ConnectionTester {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** The outcome: {@code ok} when reachable and (if any) the credentials were accepted. */
  public record Result(boolean ok, String message) {}

  private final ConnectorService connectors;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Inject
  ConnectionTester(ConnectorService connectors) {
    this.connectors = connectors;
  }

  public Result test(Connector connector) {
    Optional<ResolvedSecret> password;
    try {
      password = connectors.password(connector);
    } catch (ApiException e) {
      return new Result(false, "Not tested: " + e.getMessage() + ".");
    }
    return connector instanceof DockerRegistryConnector registry
        ? testRegistry(registry, password)
        : testGit((GitConnector) connector, password);
  }

  private Result testRegistry(DockerRegistryConnector registry, Optional<ResolvedSecret> password) {
    String where = registry.url().getScheme() + "://" + registry.hostPort();
    URI v2 = URI.create(where + "/v2/");
    Optional<String> basic =
        password.map(
            p ->
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (((ConnectorAuth.UsernamePassword) registry.auth()).username()
                                    + ":"
                                    + new String(p.value(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8)));
    try {
      HttpResponse<Void> answer = get(v2, basic);
      if (answer.statusCode() == 200) {
        return new Result(
            true,
            basic.isPresent()
                ? "Reached the registry at " + where + " and it accepted the credentials."
                : "Reached the registry at " + where + "; it accepts anonymous requests.");
      }
      if (answer.statusCode() == 401) {
        String challenge = answer.headers().firstValue("WWW-Authenticate").orElse("");
        if (challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
          return tokenExchange(where, challenge, basic);
        }
        return new Result(
            false,
            basic.isPresent()
                ? "Reached the registry at " + where + " but it refused the username and password."
                : "Reached the registry at "
                    + where
                    + " but it requires credentials: use Username and password.");
      }
      return new Result(
          false,
          "Reached "
              + where
              + " but it answered HTTP "
              + answer.statusCode()
              + " to /v2/: is this the URL of a Docker registry (API v2)?");
    } catch (IOException e) {
      return new Result(false, "Could not reach " + where + ": " + reason(e) + ".");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "The test was interrupted.");
    }
  }

  /**
   * Registries like Docker Hub answer 401 with a token service: asking it for a token checks the
   * credentials.
   */
  private Result tokenExchange(String where, String challenge, Optional<String> basic)
      throws IOException, InterruptedException {
    String realm = null;
    String service = null;
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase("realm")) {
        realm = m.group(2);
      } else if (m.group(1).equalsIgnoreCase("service")) {
        service = m.group(2);
      }
    }
    URI token;
    try {
      token =
          URI.create(
              realm
                  + (service == null
                      ? ""
                      : (realm.contains("?") ? "&" : "?")
                          + "service="
                          + URLEncoder.encode(service, StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      token = null;
    }
    if (realm == null
        || token == null
        || token.getHost() == null
        || !("https".equals(token.getScheme()) || "http".equals(token.getScheme()))) {
      return new Result(
          false,
          "Reached the registry at " + where + " but its token service address is not usable.");
    }
    HttpResponse<Void> answer = get(token, basic);
    if (answer.statusCode() == 200) {
      return new Result(
          true,
          basic.isPresent()
              ? "Reached the registry at "
                  + where
                  + " and its token service accepted the credentials."
              : "Reached the registry at " + where + "; it grants anonymous tokens.");
    }
    if (answer.statusCode() == 401 || answer.statusCode() == 403) {
      return new Result(
          false,
          "Reached the registry at "
              + where
              + " but its token service refused the "
              + (basic.isPresent()
                  ? "username and password."
                  : "anonymous request: use Username and password."));
    }
    return new Result(
        false,
        "Reached the registry at "
            + where
            + " but its token service at "
            + token.getHost()
            + " answered HTTP "
            + answer.statusCode()
            + ".");
  }

  private HttpResponse<Void> get(URI uri, Optional<String> authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
    authorization.ifPresent(value -> request.header("Authorization", value));
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  private Result testGit(GitConnector git, Optional<ResolvedSecret> password) {
    String url = git.url().toString();
    var ls =
        Git.lsRemoteRepository()
            .setRemote(url)
            .setHeads(true)
            .setTags(false)
            .setTimeout((int) TIMEOUT.toSeconds());
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
      String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (lower.contains("not authorized")
          || lower.contains("authentication is required")
          || lower.contains("auth fail")
          || lower.contains(" 401")
          || lower.contains(" 403")) {
        return new Result(
            false,
            "Reached "
                + url
                + " but the server refused the "
                + (password.isPresent()
                    ? "username and token."
                    : "anonymous request: use Username and token."));
      }
      if (e instanceof InvalidRemoteException
          || lower.contains("not found")
          || lower.contains("does not appear to be a git repository")) {
        return new Result(false, "No Git repository was found at " + url + ".");
      }
      Throwable cause = rootCause(e);
      if (cause instanceof IOException io) {
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

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Our words for the usual network failures; never the remote's. */
  private static String reason(IOException e) {
    Throwable cause = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "the host name is unknown";
      }
      if (t instanceof ConnectException) {
        return "the connection was refused";
      }
      if (t instanceof HttpConnectTimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
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
