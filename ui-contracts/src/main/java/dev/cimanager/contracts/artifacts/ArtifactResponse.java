package dev.cimanager.contracts.artifacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An image a BuildAndPush step pushed.
 *
 * @param id {@code <stageIdentifier>.<stepIdentifier>}
 * @param type always {@code Image}
 * @param image {@code registry/repository}, e.g. {@code 127.0.0.1:5000/demo/app}
 * @param digest the pushed manifest digest, {@code sha256:<hex>}
 * @param provenance absent when the stage does not generate SLSA provenance
 */
public record ArtifactResponse(
    String id,
    String stageIdentifier,
    String stepIdentifier,
    String type,
    String image,
    List<String> tags,
    String digest,
    @JsonInclude(JsonInclude.Include.NON_NULL) ProvenanceSummary provenance) {

  public static final String TYPE_IMAGE = "Image";
}
