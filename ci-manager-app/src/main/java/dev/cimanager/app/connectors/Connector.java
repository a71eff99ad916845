package dev.cimanager.app.connectors;

import dev.cimanager.app.accounts.Scope;

/**
 * A validated connector as the engine uses it. Secret references inside resolve from {@link
 * #scope()}.
 */
public sealed interface Connector permits DockerRegistryConnector, GitConnector {
  Scope scope();

  String identifier();

  String name();

  /** The Harness type name: {@code DockerRegistry} or {@code Git}. */
  String type();
}
