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
 * @param verification absent unless an SLSA Verification step of the execution verified this digest
 */
public record ArtifactResponse(
    String id,
    String stageIdentifier,
    String stepIdentifier,
    String type,
    String image,
    List<String> tags,
    String digest,
    @JsonInclude(JsonInclude.Include.NON_NULL) ProvenanceSummary provenance,
    @JsonInclude(JsonInclude.Include.NON_NULL) VerificationSummary verification) {

  public static final String TYPE_IMAGE = "Image";

  /** This artifact with a verification step's verdict. */
  public ArtifactResponse withVerification(VerificationSummary newVerification) {
    return new ArtifactResponse(
        id,
        stageIdentifier,
        stepIdentifier,
        type,
        image,
        tags,
        digest,
        provenance,
        newVerification);
  }
}
