package dev.cimanager.ssca.provenance;

/**
 * The identities this builder states. The buildType URI names the page that documents the
 * parameters' schema ({@code docs/buildtype/ci-manager-build-v1.md} in this repository); change the
 * version in both when the schema changes incompatibly.
 */
public final class BuildType {
  /** The defaults; a server configures its own with {@link dev.cimanager.ssca.api.BuilderIdentity}. */
  public static final String URI = dev.cimanager.ssca.api.BuilderIdentity.DEFAULT.buildType();
  public static final String BUILDER_ID = dev.cimanager.ssca.api.BuilderIdentity.DEFAULT.builderId();

  private BuildType() {}
}
