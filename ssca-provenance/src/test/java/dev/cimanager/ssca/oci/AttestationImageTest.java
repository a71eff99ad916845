package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.spi.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden test against the derived cosign example in shared/testdata/cosign/oci. */
class AttestationImageTest {
  private static final Path TESTDATA = Path.of("/work/shared/testdata/cosign");

  @Test
  void configAndManifest_oneLayer_areByteIdenticalToCosignsExample() throws Exception {
    byte[] envelope = Files.readAllBytes(TESTDATA.resolve("dsse/cosign-blob-slsa02-envelope.json"));
    List<JsonNode> layers =
        List.of(
            AttestationImage.layer(
                Digest.of(envelope), envelope.length, "https://slsa.dev/provenance/v0.2"));

    byte[] config = AttestationImage.config(layers);
    byte[] manifest = AttestationImage.manifest(config, layers);

    assertThat(new String(config, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(TESTDATA.resolve("oci/example-att-config.derived.json")));
    assertThat(new String(manifest, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(TESTDATA.resolve("oci/example-att-manifest.derived.json")));
  }

  @Test
  void config_twoLayers_hasOneDiffIdAndOneHistoryEntryPerLayer() throws Exception {
    Digest a = TestEnvelopes.randomDigest();
    Digest b = TestEnvelopes.randomDigest();
    byte[] config =
        AttestationImage.config(
            List.of(AttestationImage.layer(a, 10, "x"), AttestationImage.layer(b, 20, "y")));

    JsonNode tree = SscaJson.read(config);
    assertThat(tree.path("rootfs").path("diff_ids"))
        .extracting(JsonNode::asText)
        .containsExactly(a.toString(), b.toString());
    assertThat(tree.path("history")).hasSize(2);
  }
}
