package dev.cimanager.app.execution.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A time limit on {@code buildah bud} that holds even when the server dies: the command runs under
 * {@code timeout --signal=KILL} (which kills buildah's whole process group), inside a small {@code
 * sh} that then force-deletes whatever containers runc still has in the build's own runc state
 * directory (a container's processes live in their own session and PID namespace, out of the
 * group's reach). The server's own, shorter timeout normally ends a build first; this one is for a
 * server that is gone.
 */
final class BuildTimeLimit {

  /** How much longer than the server's own timeout the detached limit waits. */
  static final Duration GRACE = Duration.ofMinutes(1);

  private static final String SCRIPT =
      String.join(
          "\n",
          "limit=$1; runc_root=$2; shift 2",
          "timeout --signal=KILL \"$limit\" \"$@\"; status=$?",
          "for id in $(runc --root \"$runc_root\" list --quiet 2>/dev/null); do",
          "  runc --root \"$runc_root\" delete --force \"$id\" >/dev/null 2>&1",
          "done",
          "exit $status");

  private BuildTimeLimit() {}

  /**
   * {@code command} killed after {@code limit} (whole seconds, at least 1), then {@code runcRoot}
   * cleaned.
   */
  static List<String> wrap(List<String> command, Duration limit, Path runcRoot) {
    List<String> wrapped =
        new ArrayList<>(
            List.of(
                "sh",
                "-c",
                SCRIPT,
                "build-time-limit",
                Math.max(1, limit.toSeconds()) + "s",
                runcRoot.toString()));
    wrapped.addAll(command);
    return wrapped;
  }
}
