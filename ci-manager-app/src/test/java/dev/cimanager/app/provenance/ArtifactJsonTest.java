package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.contracts.artifacts.ArtifactResponse;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.contracts.artifacts.ProvenanceSummary;
import io.dropwizard.jackson.Jackson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Artifacts JSON exactly as API.md shows it, with the application's mapper. */
class ArtifactJsonTest {
  private static final ObjectMapper JSON = Jackson.newObjectMapper();
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void write_withoutProvenanceOmitsTheField() throws Exception {
    ArtifactResponse artifact =
        new ArtifactResponse(
            "build.BuildAndPush",
            "build",
            "BuildAndPush",
            "Image",
            "127.0.0.1:5000/demo/app",
            List.of("1.0"),
            DIGEST,
            null,
            null);

    assertThat(JSON.writeValueAsString(artifact))
        .isEqualTo(
            "{\"id\":\"build.BuildAndPush\",\"stageIdentifier\":"
                + "\"build\",\"stepIdentifier\":\"BuildAndPush\",\"type\":\"Image\",\"image\":\"127.0.0.1:5000/demo/app\","
                + "\"tags\":[\"1.0\"],\"digest\":\""
                + DIGEST
                + "\"}");
  }

  @Test
  void write_pushedProvenanceKeepsTheNullFailureMessage() throws Exception {
    ArtifactResponse artifact =
        new ArtifactResponse(
            "build.BuildAndPush",
            "build",
            "BuildAndPush",
            "Image",
            "127.0.0.1:5000/demo/app",
            List.of("1.0"),
            DIGEST,
            new ProvenanceSummary(
                ProvenanceStatus.PUSHED,
                "https://slsa.dev/provenance/v1",
                "127.0.0.1:5000/demo/app:sha256-" + "ab".repeat(32) + ".att",
                null),
            null);

    assertThat(JSON.writeValueAsString(artifact))
        .endsWith(
            ",\"provenance\":{\"status\":\"PUSHED\",\"predicateType\":"
                + "\"https://slsa.dev/provenance/v1\",\"attestationRef\":\"127.0.0.1:5000/demo/app:sha256-"
                + "ab".repeat(32)
                + ".att\",\"failureMessage\":null}}");
  }
}
