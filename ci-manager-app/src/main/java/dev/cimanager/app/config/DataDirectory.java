package dev.cimanager.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory (CI_MANAGER_DATA_DIR): embedded MongoDB file, generated dev master key and
 * pipeline workspaces. Created at start-up.
 */
public record DataDirectory(Path root) {
  public DataDirectory {
    root = root.toAbsolutePath().normalize();
  }

  public static DataDirectory create(String setting) {
    if (setting == null || setting.isBlank()) {
      throw new IllegalArgumentException("dataDir (CI_MANAGER_DATA_DIR) must not be empty");
    }
    DataDirectory dir = new DataDirectory(Path.of(setting));
    try {
      Files.createDirectories(dir.workspaces());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "tried to create the data directory " + dir.root() + " (dataDir, CI_MANAGER_DATA_DIR) but failed", e);
    }
    return dir;
  }

  /** Where executions clone and build; one sub-directory per execution. */
  public Path workspaces() {
    return root.resolve("workspaces");
  }
}
