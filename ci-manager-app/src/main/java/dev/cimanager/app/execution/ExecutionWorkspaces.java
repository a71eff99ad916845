package dev.cimanager.app.execution;

import dev.cimanager.app.config.DataDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each execution's workspace, {@code <dataDir>/workspaces/<executionId>}: where it clones and
 * builds.
 */
@Singleton
final class ExecutionWorkspaces {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionWorkspaces.class);

  private final Path root;

  @Inject
  ExecutionWorkspaces(DataDirectory dataDirectory) {
    this.root = dataDirectory.workspaces();
  }

  Path of(String executionId) {
    return root.resolve(executionId);
  }

  /**
   * Deletes the workspace of {@code executionId} if there is one; a failure is logged, not thrown.
   */
  void delete(String executionId) {
    Path workspace = of(executionId);
    if (!Files.exists(workspace)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(workspace)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete the workspace {} of execution {}", workspace, executionId, e);
    }
  }
}
