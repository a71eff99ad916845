package dev.cimanager.ssca.spi;

import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The stored provenance of one pushed image: the statement, the envelope exactly as pushed, and the
 * push's status. Instants are kept to milliseconds (what MongoDB stores), so a record read back
 * equals the one saved.
 *
 * @param id the record id (also the artifact id the API shows)
 * @param image {@code registry/repository}
 * @param digest the image manifest digest {@code sha256:<hex>}
 * @param statement the in-toto statement JSON (the signed payload)
 * @param envelope the DSSE envelope JSON exactly as pushed; null when signing failed ({@link
 *     ProvenanceStatus#FAILED})
 * @param attestationRef {@code registry/repository:sha256-<hex>.att} once pushed; null before
 * @param failureMessage why the record is FAILED or PUSH_FAILED; null otherwise
 */
public record ProvenanceRecord(
    String id,
    String accountId,
    String orgIdentifier,
    String projectIdentifier,
    String pipelineIdentifier,
    String executionId,
    String stageIdentifier,
    String stepIdentifier,
    String image,
    List<String> tags,
    String digest,
    String predicateType,
    byte[] statement,
    byte[] envelope,
    ProvenanceStatus status,
    String attestationRef,
    String failureMessage,
    Instant createdAt,
    Instant updatedAt) {

  public ProvenanceRecord {
    requireText(id, "id");
    requireText(accountId, "accountId");
    requireText(orgIdentifier, "orgIdentifier");
    requireText(projectIdentifier, "projectIdentifier");
    requireText(pipelineIdentifier, "pipelineIdentifier");
    requireText(executionId, "executionId");
    requireText(stageIdentifier, "stageIdentifier");
    requireText(stepIdentifier, "stepIdentifier");
    requireText(image, "image");
    tags = tags == null ? List.of() : List.copyOf(tags);
    requireText(digest, "digest");
    requireText(predicateType, "predicateType");
    if (statement == null) {
      throw new IllegalArgumentException("record " + id + ": statement is required");
    }
    statement = statement.clone();
    envelope = envelope == null ? null : envelope.clone();
    if (status == null) {
      throw new IllegalArgumentException("record " + id + ": status is required");
    }
    if (envelope == null && status != ProvenanceStatus.FAILED) {
      throw new IllegalArgumentException(
          "record " + id + ": a " + status + " record needs its envelope");
    }
    if (status == ProvenanceStatus.PUSHED && attestationRef == null) {
      throw new IllegalArgumentException(
          "record " + id + ": a PUSHED record needs its attestationRef");
    }
    if ((status == ProvenanceStatus.FAILED || status == ProvenanceStatus.PUSH_FAILED)
        && failureMessage == null) {
      throw new IllegalArgumentException(
          "record " + id + ": a " + status + " record needs its failureMessage");
    }
    if (createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("record " + id + ": createdAt and updatedAt are required");
    }
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("provenance record: " + field + " is required");
    }
  }

  @Override
  public byte[] statement() {
    return statement.clone();
  }

  @Override
  public byte[] envelope() {
    return envelope == null ? null : envelope.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProvenanceRecord r
        && id.equals(r.id)
        && accountId.equals(r.accountId)
        && orgIdentifier.equals(r.orgIdentifier)
        && projectIdentifier.equals(r.projectIdentifier)
        && pipelineIdentifier.equals(r.pipelineIdentifier)
        && executionId.equals(r.executionId)
        && stageIdentifier.equals(r.stageIdentifier)
        && stepIdentifier.equals(r.stepIdentifier)
        && image.equals(r.image)
        && tags.equals(r.tags)
        && digest.equals(r.digest)
        && predicateType.equals(r.predicateType)
        && Arrays.equals(statement, r.statement)
        && Arrays.equals(envelope, r.envelope)
        && status == r.status
        && Objects.equals(attestationRef, r.attestationRef)
        && Objects.equals(failureMessage, r.failureMessage)
        && createdAt.equals(r.createdAt)
        && updatedAt.equals(r.updatedAt);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "ProvenanceRecord[id="
        + id
        + ", executionId="
        + executionId
        + ", image="
        + image
        + "@"
        + digest
        + ", status="
        + status
        + ", attestationRef="
        + attestationRef
        + ", failureMessage="
        + failureMessage
        + ", statement="
        + statement.length
        + " bytes, envelope="
        + (envelope == null ? "none" : envelope.length + " bytes")
        + ", updatedAt="
        + updatedAt
        + "]";
  }
}
