package dev.cimanager.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory (CI_MANAGER_DATA_DIR): embedded MongoDB file, generated dev master key and
 * pipeline workspaces. Created at start-up, mode 700 (and its workspaces folder): nothing under it
 * is for other users of the machine, whatever the process's umask gave the files inside.
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
      ownerOnly(dir.root());
      ownerOnly(dir.workspaces());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "tried to create the data directory "
              + dir.root()
              + " (dataDir, CI_MANAGER_DATA_DIR) but failed",
          e);
    }
    return dir;
  }

  private static void ownerOnly(Path directory) throws IOException {
    if (Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Where executions clone and build; one sub-directory per execution. */
  public Path workspaces() {
    return root.resolve("workspaces");
  }
}
