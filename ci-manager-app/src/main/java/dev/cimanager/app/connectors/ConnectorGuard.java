package dev.cimanager.app.connectors;

import dev.cimanager.app.net.AddressRefusedException;
import dev.cimanager.app.net.LocalGitUrls;
import dev.cimanager.app.net.OutboundAddresses;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * Where a connector may point, checked when it is saved and again each time a run uses it (the
 * setting, the disk or DNS may have changed since): {@code file://} Git URLs only inside the
 * account's local Git folder; http(s) Git and registry URLs not into the server's own or private
 * networks (see {@link OutboundAddresses}; the clients check again when they connect).
 */
@Singleton
public final class ConnectorGuard {
  private final LocalGitUrls localGit;
  private final OutboundAddresses outbound;

  @Inject
  ConnectorGuard(LocalGitUrls localGit, OutboundAddresses outbound) {
    this.localGit = localGit;
    this.outbound = outbound;
  }

  /**
   * @throws ConnectorException {@code GIT_URL_REFUSED} or {@code ADDRESS_NOT_ALLOWED} naming the
   *     field
   */
  void check(Connector connector) {
    if (connector instanceof GitConnector git) {
      if ("file".equalsIgnoreCase(git.url().getScheme())) {
        try {
          localGit.require(git.scope().accountId(), git.url(), "spec.url");
        } catch (AddressRefusedException e) {
          throw new ConnectorException(ConnectorException.Reason.GIT_URL_REFUSED, e.getMessage());
        }
      } else {
        requireOutbound(git.url(), "spec.url");
      }
    } else if (connector instanceof DockerRegistryConnector registry) {
      requireOutbound(registry.url(), "spec.dockerRegistryUrl");
    }
  }

  private void requireOutbound(URI url, String field) {
    try {
      outbound.check(url);
    } catch (AddressRefusedException e) {
      throw new ConnectorException(
          ConnectorException.Reason.ADDRESS_NOT_ALLOWED,
          field + " '" + url + "' is refused: " + e.getMessage());
    }
  }
}
