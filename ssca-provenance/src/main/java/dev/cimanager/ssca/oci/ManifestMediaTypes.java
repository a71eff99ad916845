package dev.cimanager.ssca.oci;

/** The manifest media types we read and write. */
final class ManifestMediaTypes {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

  /** Without an Accept header a registry may answer a legacy schema 1 manifest. */
  static final String ACCEPT =
      String.join(", ", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST);

  private ManifestMediaTypes() {}
}
