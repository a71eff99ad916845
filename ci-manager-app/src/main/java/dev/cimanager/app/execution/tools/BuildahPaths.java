package dev.cimanager.app.execution.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where buildah keeps what it needs under the data directory: image storage ({@code root}), run
 * state ({@code runroot}) and one private directory per build under {@code tmp} (auth file,
 * container bundles, runc's state of the build's containers in {@link #RUNC_STATE}).
 */
record BuildahPaths(Path dataDir, Path root, Path runRoot, Path tmp) {

  /**
   * The sub-directory of a build directory that is runc's {@code --root} for that build's
   * containers.
   */
  static final String RUNC_STATE = "runc";

  /** The prefix of each build's directory under {@link #tmp()}. */
  static final String BUILD_DIR_PREFIX = "build-";

  static BuildahPaths under(Path dataDir) {
    Path base = dataDir.toAbsolutePath().normalize().resolve("buildah");
    return new BuildahPaths(
        dataDir.toAbsolutePath().normalize(),
        base.resolve("root"),
        base.resolve("runroot"),
        base.resolve("tmp"));
  }

  /**
   * Creates {@link #tmp()} and lets the build's user namespace (host uids 100000+) traverse the
   * path to it: runc mounts the build's rootfs from its bundle there after entering that namespace.
   * Only search permission ({@code o+x}) is added: nothing becomes listable, and files keep their
   * own modes.
   */
  void prepare() {
    try {
      Files.createDirectories(tmp);
      for (Path dir : new Path[] {dataDir, tmp.getParent(), tmp}) {
        allowTraversal(dir);
      }
      for (Path dir = dataDir.getParent(); dir != null; dir = dir.getParent()) {
        if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          throw new StepFailedException(
              "tried to build but the directory "
                  + dir
                  + " above the data directory"
                  + " is not searchable by others (mode o+x): isolated builds run as host uids 100000+ and must"
                  + " reach their files under "
                  + tmp
                  + " (chmod o+x "
                  + dir
                  + ", or move the data directory)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare buildah's directories under " + dataDir, e);
    }
  }

  /** Adds search permission for others to {@code dir}, keeping everything else. */
  static void allowTraversal(Path dir) throws IOException {
    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
    if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
      Files.setPosixFilePermissions(dir, permissions);
    }
  }
}
