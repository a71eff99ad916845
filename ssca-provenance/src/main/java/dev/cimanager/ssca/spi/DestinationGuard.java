package dev.cimanager.ssca.spi;

import java.net.URI;

/**
 * Decides, right before each request (redirects included), whether the registry client may connect
 * to a URL: the host keeps registries from being aimed at its own network. Throws {@link
 * DestinationRefusedException} with a sentence naming the host.
 */
@FunctionalInterface
public interface DestinationGuard {
  /** Allows every destination. */
  DestinationGuard NONE = destination -> {};

  void check(URI destination);
}
