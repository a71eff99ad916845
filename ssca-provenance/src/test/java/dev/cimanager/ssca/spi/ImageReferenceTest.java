package dev.cimanager.ssca.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {
  private static final String DIGEST =
      "sha256:5529c10be460c5e240b991e765e69546f6329829a18ec1bbb1c606f02b8ca5d5";

  @Test
  void parse_hostWithPortAndTag_splitsAllParts() {
    ImageReference ref = ImageReference.parse("127.0.0.1:5000/demo/app:v1");
    assertThat(ref.repository()).isEqualTo(new RepositoryRef("127.0.0.1:5000", "demo/app"));
    assertThat(ref.tag()).isEqualTo("v1");
    assertThat(ref.digest()).isNull();
  }

  @Test
  void parse_digest_isTheManifestReference() {
    ImageReference ref = ImageReference.parse("registry.example.com/team/app@" + DIGEST);
    assertThat(ref.manifestReference()).isEqualTo(DIGEST);
    assertThat(ref.repository().registry()).isEqualTo("registry.example.com");
  }

  @Test
  void parse_dockerHubShortNames_followDockerRules() {
    assertThat(ImageReference.parse("nginx").repository())
        .isEqualTo(new RepositoryRef("docker.io", "library/nginx"));
    assertThat(ImageReference.parse("nginx").tag()).isEqualTo("latest");
    assertThat(ImageReference.parse("user/app:1").repository())
        .isEqualTo(new RepositoryRef("docker.io", "user/app"));
    assertThat(ImageReference.parse("localhost/app").repository())
        .isEqualTo(new RepositoryRef("localhost", "app"));
    assertThat(ImageReference.parse("localhost:5000/app:1").repository().registry())
        .isEqualTo("localhost:5000");
  }

  @Test
  void parse_uppercaseRepository_isRejectedNamingTheComponent() {
    assertThatThrownBy(() -> RepositoryRef.parse("127.0.0.1:5000/Demo/app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid path component 'Demo'");
  }

  @Test
  void parse_badTagOrDigest_isRejected() {
    assertThatThrownBy(() -> ImageReference.parse("host.io/app:-bad"))
        .hasMessageContaining("tag '-bad' is invalid");
    assertThatThrownBy(() -> ImageReference.parse("host.io/app@sha256:xyz"))
        .hasMessageContaining("64 lowercase hex");
  }

  @Test
  void repositoryRef_parse_emptyPathComponent_isRejected() {
    assertThatThrownBy(() -> RepositoryRef.parse("host.io//app"))
        .hasMessageContaining("invalid path component ''");
  }
}
