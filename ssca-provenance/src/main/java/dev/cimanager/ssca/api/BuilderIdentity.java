package dev.cimanager.ssca.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Who the provenance says built the image: {@code runDetails.builder.id} and the host (with path
 * prefix) of {@code buildDefinition.buildType}. Configurable so policies can pin "built by our CI".
 *
 * @param builderId an absolute https URI
 * @param buildTypeBaseUrl an absolute https URL; the buildType is it followed by {@link
 *     #BUILD_TYPE_PATH}
 */
public record BuilderIdentity(String builderId, String buildTypeBaseUrl) {
  /** The page documenting the parameters' schema, below {@code buildTypeBaseUrl}. */
  public static final String BUILD_TYPE_PATH = "/docs/buildtype/ci-manager-build-v1.md";

  public static final BuilderIdentity DEFAULT =
      new BuilderIdentity(
          "https://github.com/ci-manager/ci-manager/builders/build-and-push@v1",
          "https://github.com/ci-manager/ci-manager/blob/main");

  public BuilderIdentity {
    requireHttps("builderId", builderId);
    requireHttps("buildTypeBaseUrl", buildTypeBaseUrl);
    buildTypeBaseUrl =
        buildTypeBaseUrl.endsWith("/")
            ? buildTypeBaseUrl.substring(0, buildTypeBaseUrl.length() - 1)
            : buildTypeBaseUrl;
  }

  /** {@code buildDefinition.buildType}. */
  public String buildType() {
    return buildTypeBaseUrl + BUILD_TYPE_PATH;
  }

  private static void requireHttps(String field, String value) {
    Objects.requireNonNull(value, field);
    try {
      URI uri = new URI(value);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            field + " must be an absolute https URI, got '" + value + "'");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(field + " is not a URI: " + e.getMessage());
    }
  }
}
