package dev.cimanager.app.config;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hosts that connectors may reach although they resolve to loopback, link-local, private or
 * unspecified addresses (CI_MANAGER_ALLOWED_PRIVATE_HOSTS): {@code host} allows every port, {@code
 * host:port} one.
 */
public record AllowedPrivateHosts(Set<String> entries) {
  private static final Pattern ENTRY =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:([0-9]{1,5}))?");

  public AllowedPrivateHosts {
    entries = Set.copyOf(entries);
  }

  public static AllowedPrivateHosts none() {
    return new AllowedPrivateHosts(Set.of());
  }

  /**
   * Parses the comma-separated setting; names the setting and the bad entry when one is malformed.
   */
  public static AllowedPrivateHosts parse(String setting) {
    Set<String> entries = new LinkedHashSet<>();
    for (String raw : setting.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      var matcher = ENTRY.matcher(entry);
      if (!matcher.matches()
          || matcher.group(3) != null && Integer.parseInt(matcher.group(3)) > 65535) {
        throw new IllegalArgumentException(
            "allowedPrivateHosts (CI_MANAGER_ALLOWED_PRIVATE_HOSTS): '"
                + entry
                + "' is not host or host:port (e.g. git.internal or 10.0.0.5:8443)");
      }
      entries.add(entry.toLowerCase(Locale.ROOT));
    }
    return new AllowedPrivateHosts(entries);
  }

  /**
   * @param host as in a URL ({@code [::1]} bracketed)
   */
  public boolean allows(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    return entries.contains(h) || entries.contains(h + ":" + port);
  }
}
