package dev.cimanager.app.net;

import dev.cimanager.app.config.GitLocalRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides whether an account may use a {@code file://} Git URL: only a path under {@code
 * <CI_MANAGER_GIT_LOCAL_ROOT>/<accountIdentifier>/} after resolving symbolic links and {@code ..}.
 *
 * <p>A path that does not exist yet is judged by its deepest existing ancestor (resolved) plus the
 * rest, so the answer is the same whether the path exists or not: a refusal never tells a tenant
 * what is on disk.
 */
public final class LocalGitUrls {
  private final GitLocalRoot setting;

  public LocalGitUrls(GitLocalRoot setting) {
    this.setting = setting;
  }

  /**
   * @param field the JSON path for messages, e.g. {@code spec.url}
   * @throws AddressRefusedException when the URL is not inside the account's folder
   */
  public void require(String accountId, URI url, String field) {
    if (setting.root().isEmpty()) {
      throw new AddressRefusedException(
          field
              + " '"
              + url
              + "' is refused: file:// Git URLs are"
              + " disabled on this server (CI_MANAGER_GIT_LOCAL_ROOT is not set)");
    }
    Path accountDir = setting.root().get().resolve(accountId);
    boolean inside;
    try {
      Path candidate = resolved(Paths.get(url));
      inside = candidate.startsWith(resolved(accountDir));
    } catch (IllegalArgumentException
        | java.nio.file.FileSystemNotFoundException
        | IOException
        | SecurityException e) {
      inside = false;
    }
    if (!inside) {
      throw new AddressRefusedException(
          field
              + " '"
              + url
              + "' is refused: an account's file://"
              + " Git URLs must point under <CI_MANAGER_GIT_LOCAL_ROOT>/"
              + accountId
              + "/ (links resolved)");
    }
  }

  /**
   * The real path of the deepest existing ancestor, then the remaining names ({@code ..} refused).
   */
  static Path resolved(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    Deque<Path> rest = new ArrayDeque<>();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      rest.push(existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IOException("no ancestor exists");
    }
    Path result = existing.toRealPath();
    for (Path name : rest) {
      if (name.toString().equals("..") || name.toString().equals(".")) {
        throw new IOException("relative name under a missing folder");
      }
      result = result.resolve(name);
    }
    return result;
  }
}
