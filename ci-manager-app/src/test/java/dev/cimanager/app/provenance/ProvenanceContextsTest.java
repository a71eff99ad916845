package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvenanceContextsTest {

  @Test
  void nameOf_dropsTagAndDigestButKeepsTheRegistryPort() {
    assertThat(ProvenanceContexts.nameOf("127.0.0.1:5000/base/alpine:3.19"))
        .isEqualTo("127.0.0.1:5000/base/alpine");
    assertThat(ProvenanceContexts.nameOf("127.0.0.1:5000/base/alpine@sha256:" + "ab".repeat(32)))
        .isEqualTo("127.0.0.1:5000/base/alpine");
    assertThat(ProvenanceContexts.nameOf("127.0.0.1:5000/base/alpine"))
        .isEqualTo("127.0.0.1:5000/base/alpine");
    assertThat(ProvenanceContexts.nameOf("alpine:3.19")).isEqualTo("alpine");
  }
}
