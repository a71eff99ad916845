package dev.cimanager.app.connectors;

import dev.cimanager.app.net.LocalGitUrls;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Where a connector may point, checked when it is saved and again each time a run uses it (the setting or
 * the disk may have changed since): {@code file://} Git URLs only inside the account's local Git folder.
 */
@Singleton
public final class ConnectorGuard {
  private final LocalGitUrls localGit;

  @Inject
  ConnectorGuard(LocalGitUrls localGit) {
    this.localGit = localGit;
  }

  /** @throws dev.cimanager.app.errors.ApiException 400 naming the refused field */
  void check(Connector connector) {
    if (connector instanceof GitConnector git && "file".equalsIgnoreCase(git.url().getScheme())) {
      localGit.require(git.scope().accountId(), git.url(), "spec.url");
    }
  }
}
