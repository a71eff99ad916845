package dev.cimanager.app.net;

import dev.cimanager.app.config.AllowedPrivateHosts;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.ssca.spi.DestinationGuard;
import dev.cimanager.ssca.spi.DestinationRefusedException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps Git and registry connectors away from the server's own network: a destination whose host
 * resolves (any of its addresses) to a loopback, link-local (cloud metadata 169.254.169.254),
 * private, shared (100.64/10), unique-local, multicast or unspecified address is refused unless the
 * operator allows that host (CI_MANAGER_ALLOWED_PRIVATE_HOSTS, or a registry in
 * CI_MANAGER_INSECURE_REGISTRIES).
 *
 * <p>Called right before each connection where the client allows it (JGit's connection factory, the
 * registry client's proxy selector): the JVM caches a name's addresses (30 s by default), so the
 * connection that follows uses the addresses just checked, which defeats DNS rebinding between
 * check and connect. A name that does not resolve passes: the connection fails on its own.
 */
public final class OutboundAddresses {
  private final AllowedPrivateHosts allowed;
  private final InsecureRegistries insecureRegistries;

  public OutboundAddresses(AllowedPrivateHosts allowed, InsecureRegistries insecureRegistries) {
    this.allowed = allowed;
    this.insecureRegistries = insecureRegistries;
  }

  /** Allows everything: for tools and unit tests that run without a server. */
  public static OutboundAddresses unrestricted() {
    return new OutboundAddresses(null, null);
  }

  /**
   * @throws AddressRefusedException naming the host and the setting that would allow it
   */
  public void check(URI destination) {
    if (allowed == null) {
      return;
    }
    String host = destination.getHost();
    if (host == null || host.isEmpty()) {
      throw new AddressRefusedException("the URL has no host");
    }
    int port =
        destination.getPort() >= 0
            ? destination.getPort()
            : "https".equalsIgnoreCase(destination.getScheme()) ? 443 : 80;
    if (allowed.allows(host, port) || insecureRegistries.isInsecure(host + ":" + port)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return;
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw new AddressRefusedException(
            host
                + ":"
                + port
                + " resolves to a loopback, link-local, private or"
                + " unspecified address, which connectors may not reach unless the operator allows the host"
                + " (CI_MANAGER_ALLOWED_PRIVATE_HOSTS)");
      }
    }
  }

  /** This policy for the registry client of {@code ssca-provenance}. */
  public DestinationGuard asDestinationGuard() {
    return destination -> {
      try {
        check(destination);
      } catch (AddressRefusedException e) {
        throw new DestinationRefusedException(e.getMessage());
      }
    };
  }

  /** Whether {@code address} belongs to the server's own or a private network. */
  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first == 0 // "this network"
          || first == 100
              && second >= 64
              && second < 128 // shared address space (carrier-grade NAT)
          || first == 192 && second == 0 && (bytes[2] & 0xff) == 0 // IETF protocol assignments
          || first == 198 && (second == 18 || second == 19) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return true; // fc00::/7 unique local
      }
      if ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0) {
        return true; // fec0::/10 deprecated site local
      }
      if (isMappedOrCompatibleIpv4(bytes)) {
        try {
          return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      // 64:ff9b::/96 NAT64 embeds an IPv4 address too
      if (bytes[0] == 0
          && (bytes[1] & 0xff) == 0x64
          && (bytes[2] & 0xff) == 0xff
          && (bytes[3] & 0xff) == 0x9b) {
        try {
          return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code ::ffff:a.b.c.d} or the deprecated {@code ::a.b.c.d}. */
  private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    boolean compatible = bytes[10] == 0 && bytes[11] == 0;
    return mapped || compatible;
  }
}
