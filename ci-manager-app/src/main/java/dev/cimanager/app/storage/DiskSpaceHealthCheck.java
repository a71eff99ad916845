package dev.cimanager.app.storage;

import com.codahale.metrics.health.HealthCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unhealthy when the workspace file system has less than {@link #MIN_FREE_BYTES} left for builds.
 */
public final class DiskSpaceHealthCheck extends HealthCheck {
  static final long MIN_FREE_BYTES = 64L * 1024 * 1024;
  private final Path workspaces;

  public DiskSpaceHealthCheck(Path workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  protected Result check() throws IOException {
    long free = Files.getFileStore(workspaces).getUsableSpace();
    String detail = (free / (1024 * 1024)) + " MiB free in " + workspaces;
    return free >= MIN_FREE_BYTES ? Result.healthy(detail) : Result.unhealthy(detail);
  }
}
