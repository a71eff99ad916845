package dev.cimanager.app.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Registries ({@code host:port}) reached over plain HTTP, from CI_MANAGER_INSECURE_REGISTRIES. */
public record InsecureRegistries(Set<String> hostPorts) {
  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})");

  public InsecureRegistries {
    hostPorts = Set.copyOf(hostPorts);
  }

  /**
   * Parses the comma-separated setting; names the setting and the bad entry when one is malformed.
   */
  public static InsecureRegistries parse(String setting) {
    Set<String> entries = new LinkedHashSet<>();
    for (String raw : Arrays.asList(setting.split(","))) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      var matcher = HOST_PORT.matcher(entry);
      if (!matcher.matches() || Integer.parseInt(matcher.group(2)) > 65535) {
        throw new IllegalArgumentException(
            "insecureRegistries (CI_MANAGER_INSECURE_REGISTRIES): '"
                + entry
                + "' is not host:port (e.g. 127.0.0.1:5000)");
      }
      entries.add(entry.toLowerCase(java.util.Locale.ROOT));
    }
    return new InsecureRegistries(entries);
  }

  /**
   * Whether {@code hostPort} (as in an image reference, e.g. {@code 127.0.0.1:5000}) uses plain
   * HTTP.
   */
  public boolean isInsecure(String hostPort) {
    return hostPorts.contains(hostPort.toLowerCase(java.util.Locale.ROOT));
  }
}
