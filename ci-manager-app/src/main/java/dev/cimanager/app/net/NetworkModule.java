package dev.cimanager.app.net;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.cimanager.app.config.AllowedPrivateHosts;
import dev.cimanager.app.config.GitLocalRoot;
import dev.cimanager.app.config.InsecureRegistries;
import jakarta.inject.Singleton;

/**
 * Where Git and registry connectors may point: the local Git root and the outbound address policy.
 */
public final class NetworkModule extends AbstractModule {
  private final GitLocalRoot gitLocalRoot;
  private final AllowedPrivateHosts allowedPrivateHosts;

  public NetworkModule(GitLocalRoot gitLocalRoot, AllowedPrivateHosts allowedPrivateHosts) {
    this.gitLocalRoot = gitLocalRoot;
    this.allowedPrivateHosts = allowedPrivateHosts;
  }

  @Provides
  @Singleton
  LocalGitUrls localGitUrls() {
    return new LocalGitUrls(gitLocalRoot);
  }

  @Provides
  @Singleton
  OutboundAddresses outboundAddresses(InsecureRegistries insecureRegistries) {
    return new OutboundAddresses(allowedPrivateHosts, insecureRegistries);
  }
}
