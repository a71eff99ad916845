package dev.cimanager.app.net;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.cimanager.app.config.GitLocalRoot;
import jakarta.inject.Singleton;

/** Where Git and registry connectors may point: the local Git root and the outbound address policy. */
public final class NetworkModule extends AbstractModule {
  private final GitLocalRoot gitLocalRoot;

  public NetworkModule(GitLocalRoot gitLocalRoot) {
    this.gitLocalRoot = gitLocalRoot;
  }

  @Provides
  @Singleton
  LocalGitUrls localGitUrls() {
    return new LocalGitUrls(gitLocalRoot);
  }
}
