package dev.cimanager.app.execution.runners;

import dev.cimanager.app.CiManagerApplication;

/** This application's version for the provenance's builder versions: the jar manifest's, else {@code dev}. */
final class CiManagerVersion {

  private CiManagerVersion() {}

  static String get() {
    String version = CiManagerApplication.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
