package dev.cimanager.app.execution.tools;

import java.util.List;
import java.util.Objects;

/**
 * How {@code buildah bud} runs a Dockerfile's {@code RUN} steps: the flags that isolate them from
 * the server.
 *
 * <p>{@link #NAMESPACES}, the only isolation the server uses: an OCI container run by {@code runc}
 * in its own user namespace (root inside is host uid 100000, which owns nothing of the server's),
 * mount namespace (pivoted into the build's rootfs, so a chroot breakout finds only that rootfs),
 * PID namespace (no host process is visible or signalable), IPC, UTS and cgroup namespaces, and a
 * private network namespace (its {@code 127.0.0.1} is its own loopback, not the server's API,
 * admin, MongoDB or registry ports; outbound traffic leaves through the namespace's NAT). {@code
 * crun} is not used: it refuses this kernel kind's hybrid cgroups.
 *
 * @param flags the {@code buildah bud} flags, without {@code --runtime-flag}s
 */
public record BuildIsolation(List<String> flags) {

  /**
   * Own user, mount, PID, IPC, UTS and network namespaces; root inside maps to host uids
   * 100000-165535.
   */
  public static final BuildIsolation NAMESPACES =
      new BuildIsolation(
          List.of(
              "--isolation",
              "oci",
              "--runtime",
              "runc",
              "--userns",
              "container",
              "--userns-uid-map",
              "0:100000:65536",
              "--userns-gid-map",
              "0:100000:65536",
              "--pid",
              "private",
              "--ipc",
              "private",
              "--uts",
              "private",
              "--cgroupns",
              "private",
              "--network",
              "private"));

  public BuildIsolation {
    flags = List.copyOf(Objects.requireNonNull(flags, "flags"));
  }

  /**
   * Whether the flags run the build under {@code runc}, whose per-build state then lives in the
   * build dir.
   */
  boolean usesRunc() {
    int runtime = flags.indexOf("--runtime");
    return runtime >= 0 && runtime + 1 < flags.size() && flags.get(runtime + 1).equals("runc");
  }
}
