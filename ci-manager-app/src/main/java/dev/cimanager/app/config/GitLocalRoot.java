package dev.cimanager.app.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder of local Git repositories (CI_MANAGER_GIT_LOCAL_ROOT): an account may use {@code
 * file://} Git URLs only under {@code <root>/<accountIdentifier>/}. Empty: {@code file://} Git URLs
 * are refused.
 */
public record GitLocalRoot(Optional<Path> root) {
  public GitLocalRoot {
    root = root.map(path -> path.toAbsolutePath().normalize());
  }

  public static GitLocalRoot parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return new GitLocalRoot(Optional.empty());
    }
    return new GitLocalRoot(Optional.of(Path.of(setting.trim())));
  }
}
