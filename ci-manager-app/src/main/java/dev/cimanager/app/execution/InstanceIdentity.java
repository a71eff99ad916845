package dev.cimanager.app.execution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who this CI manager process is among the instances sharing one MongoDB: the owner name on the
 * leases it holds, in its logs and in {@code GET /api/v1/admin/instances}. Ids must be unique among
 * live instances.
 */
record InstanceIdentity(String id, String host, Instant startedAt) {

  InstanceIdentity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /**
   * {@code configured}, or when empty the host name and 6 random hex digits (a new id at every
   * start).
   */
  static InstanceIdentity resolve(String configured, Instant now) {
    String host = hostName();
    if (!configured.isEmpty()) {
      return new InstanceIdentity(configured, host, now);
    }
    byte[] suffix = new byte[3];
    new SecureRandom().nextBytes(suffix);
    return new InstanceIdentity(host + "-" + HexFormat.of().formatHex(suffix), host, now);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
