package dev.cimanager.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This build's version ({@code 0.1.0-SNAPSHOT}), written into {@code ci-manager-version.properties}
 * by Maven resource filtering: the {@code ci-manager} entry of the provenance's builder versions.
 */
public final class CiManagerVersion {
  private static final String RESOURCE = "ci-manager-version.properties";

  private CiManagerVersion() {}

  /**
   * @throws IllegalStateException when the resource is missing or was not filtered (a broken build)
   */
  public static String read() {
    Properties properties = new Properties();
    try (InputStream in = CiManagerVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "tried to read the ci-manager version but "
                + RESOURCE
                + " is not on the classpath: build the application with Maven");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("tried to read the ci-manager version from " + RESOURCE, e);
    }
    String version = properties.getProperty("version", "");
    if (version.isBlank() || version.contains("${")) {
      throw new IllegalStateException(
          "tried to read the ci-manager version but "
              + RESOURCE
              + " holds '"
              + version
              + "': Maven resource filtering did not run");
    }
    return version;
  }
}
