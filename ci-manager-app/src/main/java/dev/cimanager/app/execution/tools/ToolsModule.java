package dev.cimanager.app.execution.tools;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.cimanager.app.config.DataDirectory;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.net.OutboundAddresses;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The steps' tools, with buildah's storage under the data directory. */
public final class ToolsModule extends AbstractModule {

  /** A vfs build copies every layer: generous, but a hung process still ends. */
  static final Duration BUILDAH_COMMAND_TIMEOUT = Duration.ofMinutes(30);

  static final Duration GIT_TIMEOUT = Duration.ofMinutes(2);

  @Provides
  @Singleton
  BuildahBuilder buildahBuilder(
      DataDirectory dataDirectory, InsecureRegistries insecureRegistries) {
    return new BuildahBuilder(
        dataDirectory.root(), insecureRegistries.hostPorts(), BUILDAH_COMMAND_TIMEOUT);
  }

  @Provides
  @Singleton
  LeftoverBuilds leftoverBuilds(DataDirectory dataDirectory) {
    return new LeftoverBuilds(dataDirectory.root());
  }

  @Provides
  @Singleton
  GitCloner gitCloner(OutboundAddresses outbound) {
    return new GitCloner(GIT_TIMEOUT, outbound);
  }
}
