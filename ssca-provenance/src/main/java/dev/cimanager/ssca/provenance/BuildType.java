package dev.cimanager.ssca.provenance;

/**
 * The identities this builder states. The buildType URI names the page that documents the
 * parameters' schema ({@code docs/buildtype/ci-manager-build-v1.md} in this repository); change the
 * version in both when the schema changes incompatibly.
 */
public final class BuildType {
  public static final String URI =
      "https://github.com/ci-manager/ci-manager/blob/main/docs/buildtype/ci-manager-build-v1.md";
  public static final String BUILDER_ID = "https://github.com/ci-manager/ci-manager/builders/build-and-push@v1";

  private BuildType() {}
}
