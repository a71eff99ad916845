package dev.cimanager.app.execution.tools;

import dev.cimanager.app.net.GuardedGitHttp;
import dev.cimanager.app.net.OutboundAddresses;
import dev.cimanager.app.pipelines.Codebase;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Clones one branch or tag of a Git repository into a workspace with JGit (no {@code git} binary),
 * first asking the remote for its refs so a missing repository, a missing branch and refused
 * credentials each get their own message.
 */
public final class GitCloner {

  /** Where a commit checkout keeps the fetched ref (a name no remote ref maps to). */
  private static final String FETCHED = "refs/ci/fetched";

  private final Duration timeout;
  private final OutboundAddresses outbound;

  /**
   * @param timeout for each network operation (JGit's per-read timeout)
   */
  public GitCloner(Duration timeout) {
    this(timeout, OutboundAddresses.unrestricted());
  }

  /**
   * @param outbound checked before each HTTP connection (redirects included)
   */
  public GitCloner(Duration timeout, OutboundAddresses outbound) {
    this.timeout = timeout;
    this.outbound = outbound;
  }

  /**
   * @param workspace an empty or missing directory; the checkout goes straight into it
   * @throws StepFailedException when the repository, the ref or the credentials are wrong
   */
  public ClonedSource cloneInto(GitSource source, Path workspace, StepLog log) {
    return cloneInto(source, workspace, log, null);
  }

  /**
   * {@link #cloneInto(GitSource, Path, StepLog)}, then checks out {@code commitSha} (a re-run
   * builds the commit its original run built) when not null; it must be in the cloned branch's or
   * tag's history.
   *
   * @throws StepFailedException also when that commit is no longer there (the branch was rewritten)
   */
  public ClonedSource cloneInto(GitSource source, Path workspace, StepLog log, String commitSha) {
    String url = withoutUserInfo(source.url());
    String what =
        source.fetchRef() != null
            ? "ref '" + source.fetchRef() + "'"
            : (source.refType() == Codebase.BuildType.BRANCH ? "branch '" : "tag '")
                + source.ref()
                + "'";
    CredentialsProvider credentials =
        source.credentials() == null
            ? null
            : new UsernamePasswordCredentialsProvider(
                source.credentials().username(), source.credentials().password());
    log.append("Cloning " + what + " of " + url);
    requireRef(source, url, what, credentials);
    if (source.commitSha() != null) {
      return checkOutCommit(source, workspace, log, url, what, credentials);
    }
    GuardedGitHttp http = new GuardedGitHttp(outbound);
    try {
      Files.createDirectories(workspace);
      try (Git git =
          Git.cloneRepository()
              .setURI(source.url())
              .setDirectory(workspace.toFile())
              .setCloneAllBranches(false)
              .setBranchesToClone(List.of(source.fullRef()))
              .setBranch(source.fullRef())
              .setCredentialsProvider(credentials)
              .setTimeout(timeoutSeconds())
              .setTransportConfigCallback(http.installer())
              .call()) {
        Repository repository = git.getRepository();
        ObjectId head = repository.resolve("HEAD^{commit}");
        if (head == null) {
          throw new StepFailedException(
              "tried to clone " + what + " of " + url + " but nothing was checked out");
        }
        if (commitSha != null) {
          head = checkoutPinned(git, head, commitSha, what, url, log);
        }
        try (RevWalk walk = new RevWalk(repository)) {
          RevCommit commit = walk.parseCommit(head);
          Instant commitTime = Instant.ofEpochSecond(commit.getCommitTime());
          log.append("Checked out " + commit.name() + " (committed " + commitTime + ")");
          return cloned(source, url, commit);
        }
      }
    } catch (GitAPIException | IOException | JGitInternalException e) {
      // JGitInternalException: e.g. the workspace is not empty
      throw new StepFailedException(
          "tried to clone "
              + what
              + " of "
              + url
              + " into "
              + workspace
              + " but failed because "
              + reason(e, http, source.url()),
          e);
    }
  }

  /**
   * Fetches only {@code source.fullRef()} into a new repository and checks out {@code
   * source.commitSha()} (detached), which must be reachable from that ref: a webhook's run builds
   * exactly the event's commit even when the branch has moved on since, and never a commit the ref
   * does not contain.
   */
  private ClonedSource checkOutCommit(
      GitSource source,
      Path workspace,
      StepLog log,
      String url,
      String what,
      CredentialsProvider credentials) {
    String wanted = source.commitSha();
    try {
      Files.createDirectories(workspace);
      try (Git git =
          Git.init().setDirectory(workspace.toFile()).setInitialBranch("ci-source").call()) {
        git.fetch()
            .setRemote(source.url())
            .setRefSpecs(new RefSpec("+" + source.fullRef() + ":" + FETCHED))
            .setTagOpt(TagOpt.NO_TAGS)
            .setCredentialsProvider(credentials)
            .setTimeout(timeoutSeconds())
            .setTransportConfigCallback(new GuardedGitHttp(outbound).installer())
            .call();
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository)) {
          ObjectId tip = repository.resolve(FETCHED + "^{commit}");
          // the fresh repository holds only what the ref reaches: a missing object is a commit it
          // does not contain
          ObjectId id =
              repository.getObjectDatabase().has(ObjectId.fromString(wanted))
                  ? repository.resolve(wanted + "^{commit}")
                  : null;
          RevCommit commit = id == null ? null : walk.parseCommit(id);
          if (tip == null || commit == null || !walk.isMergedInto(commit, walk.parseCommit(tip))) {
            throw new StepFailedException(
                "tried to check out commit "
                    + wanted
                    + " of "
                    + what
                    + " of "
                    + url
                    + " but the "
                    + what
                    + " does not contain it (it was force-pushed or deleted since the event)");
          }
          git.checkout().setName(commit.name()).call();
          Instant commitTime = Instant.ofEpochSecond(commit.getCommitTime());
          log.append("Checked out " + commit.name() + " (committed " + commitTime + ")");
          return cloned(source, url, commit);
        }
      }
    } catch (GitAPIException | IOException | JGitInternalException e) {
      throw new StepFailedException(
          "tried to fetch "
              + what
              + " of "
              + url
              + " into "
              + workspace
              + " but failed because "
              + reason(e),
          e);
    }
  }

  private static ClonedSource cloned(GitSource source, String url, RevCommit commit) {
    return new ClonedSource(
        url,
        source.refType() == Codebase.BuildType.BRANCH ? source.ref() : null,
        source.refType() == Codebase.BuildType.TAG ? source.ref() : null,
        commit.name(),
        Instant.ofEpochSecond(commit.getCommitTime()));
  }

  private void requireRef(
      GitSource source, String url, String what, CredentialsProvider credentials) {
    Map<String, Ref> refs;
    GuardedGitHttp http = new GuardedGitHttp(outbound);
    try {
      refs =
          Git.lsRemoteRepository()
              .setRemote(source.url())
              .setHeads(source.fetchRef() == null && source.refType() == Codebase.BuildType.BRANCH)
              .setTags(source.fetchRef() == null && source.refType() == Codebase.BuildType.TAG)
              .setCredentialsProvider(credentials)
              .setTimeout(timeoutSeconds())
              .setTransportConfigCallback(http.installer())
              .callAsMap();
    } catch (GitAPIException | JGitInternalException e) {
      throw new StepFailedException(
          "tried to clone "
              + what
              + " of "
              + url
              + " but failed because "
              + reason(e, http, source.url()),
          e);
    }
    if (!refs.containsKey(source.fullRef())) {
      throw new StepFailedException(
          "tried to clone " + what + " of " + url + " but the repository has no " + what);
    }
  }

  /** Checks out {@code commitSha} if {@code tip}'s history holds it; returns it. */
  private static ObjectId checkoutPinned(
      Git git, ObjectId tip, String commitSha, String what, String url, StepLog log)
      throws IOException, GitAPIException {
    if (!commitSha.matches("[0-9a-f]{40}")) {
      throw new StepFailedException(
          "tried to check out commit '" + commitSha + "' but it is not a full commit SHA");
    }
    ObjectId pinned = ObjectId.fromString(commitSha);
    try (RevWalk walk = new RevWalk(git.getRepository())) {
      RevCommit commit;
      try {
        commit = walk.parseCommit(pinned);
      } catch (org.eclipse.jgit.errors.MissingObjectException e) {
        commit = null;
      }
      if (commit == null || !walk.isMergedInto(commit, walk.parseCommit(tip))) {
        throw new StepFailedException(
            "tried to check out commit "
                + commitSha
                + " of "
                + what
                + " of "
                + url
                + " (the commit of the run being re-run) but that "
                + what
                + " no longer contains it");
      }
    }
    git.checkout().setName(commitSha).call();
    log.append("Re-run: checked out commit " + commitSha + " of the original run");
    return pinned;
  }

  private int timeoutSeconds() {
    return (int) Math.max(1, timeout.toSeconds());
  }

  /**
   * Why an operation failed. Over HTTP, JGit's message may quote what the server answered (a page
   * of an internal service), so it is never used: the refusal, the status code, what was asked and
   * the kind of network failure say enough. Local failures (a workspace that is not empty) keep
   * JGit's message.
   */
  private static String reason(Exception e, GuardedGitHttp http, String url) {
    if (http.refusal() != null) {
      return http.refusal();
    }
    if (!url.regionMatches(true, 0, "http", 0, 4)
        || e instanceof JGitInternalException
        || e instanceof IOException) {
      return reason(e);
    }
    int status = http.lastStatus();
    if (status == 401 || status == 403) {
      return "the server refused the credentials (HTTP "
          + status
          + " to "
          + http.lastRequest()
          + ")";
    }
    if (status == 404) {
      return "the repository was not found (HTTP 404 to " + http.lastRequest() + ")";
    }
    String lastAnswer =
        status < 0 ? "" : " (last answer: HTTP " + status + " to " + http.lastRequest() + ")";
    String network = networkFailure(e);
    if (network != null) {
      return network + lastAnswer;
    }
    if (status >= 0) {
      return "the server did not answer as a Git repository"
          + lastAnswer
          + "; what it sent is not repeated here";
    }
    return "the server could not be reached";
  }

  /** The kind of network failure in {@code e}'s causes (local facts only), or null. */
  private static String networkFailure(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return "the host name could not be resolved";
      }
      if (t instanceof java.net.ConnectException) {
        return "the connection was refused";
      }
      if (t instanceof java.net.SocketTimeoutException) {
        return "the server did not answer in time";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "the TLS handshake failed";
      }
    }
    return null;
  }

  /** JGit's messages, sorted into the three causes users can act on. */
  private static String reason(Exception e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("not authorized")
        || lower.contains("authentication is required")
        || lower.contains("auth fail")
        || lower.contains(" 401")
        || lower.contains(" 403")) {
      return "the server refused the credentials (" + message + ")";
    }
    if (e instanceof InvalidRemoteException
        || lower.contains("not found")
        || lower.contains("does not appear to be a git repository")
        || lower.contains("repository not found")) {
      return "the repository was not found (" + message + ")";
    }
    return message;
  }

  /** The URL as it may appear in logs, messages and the provenance: any user:password@ removed. */
  static String withoutUserInfo(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getRawUserInfo() == null) {
        return url;
      }
      return new URI(
              uri.getScheme(),
              null,
              uri.getHost(),
              uri.getPort(),
              uri.getPath(),
              uri.getQuery(),
              uri.getFragment())
          .toString();
    } catch (URISyntaxException e) {
      return url;
    }
  }
}
