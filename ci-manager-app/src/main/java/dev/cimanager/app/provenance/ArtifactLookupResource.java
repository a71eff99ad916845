package dev.cimanager.app.provenance;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.execution.ArtifactIds;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionStore;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.artifacts.BuiltArtifactListResponse;
import dev.cimanager.contracts.artifacts.BuiltArtifactResponse;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.storage.ProvenanceRecords;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Which run built this image?": the caller's artifacts with an image digest, found through their
 * provenance records (the store's digest lookup), each with its execution. Other accounts' records
 * are never shown.
 */
@Path("/api/v1/artifacts")
@Produces(MediaType.APPLICATION_JSON)
public final class ArtifactLookupResource {

  private final ProvenanceRecords records;
  private final ExecutionStore executions;
  private final ExecutionArtifacts artifacts;

  @Inject
  ArtifactLookupResource(
      ProvenanceRecords records, ExecutionStore executions, ExecutionArtifacts artifacts) {
    this.records = records;
    this.executions = executions;
    this.artifacts = artifacts;
  }

  @GET
  public BuiltArtifactListResponse byDigest(
      @Context Caller caller, @QueryParam("digest") String digest) {
    if (digest == null || !Digest.isValid(digest)) {
      throw ApiException.badRequest(
          "INVALID_DIGEST",
          "digest: "
              + (digest == null ? "is required" : "'" + digest + "' is not an image digest")
              + "; expected sha256:<64 lowercase hex digits>");
    }
    // one entry per artifact, however many records it has (each re-run of the hook adds one)
    Map<String, BuiltArtifactResponse> found = new LinkedHashMap<>();
    for (ProvenanceRecord record : records.findByDigest(digest)) {
      if (!record.accountId().equals(caller.accountId())) {
        continue;
      }
      String key =
          record.executionId()
              + "/"
              + ArtifactIds.of(record.stageIdentifier(), record.stepIdentifier());
      if (!found.containsKey(key)) {
        built(caller, record).ifPresent(artifact -> found.put(key, artifact));
      }
    }
    return new BuiltArtifactListResponse(found.values().stream().toList());
  }

  private Optional<BuiltArtifactResponse> built(Caller caller, ProvenanceRecord record) {
    Optional<Execution> execution = executions.find(caller.accountId(), record.executionId());
    return execution.flatMap(
        run ->
            artifacts
                .find(run, ArtifactIds.of(record.stageIdentifier(), record.stepIdentifier()))
                .map(
                    artifact ->
                        new BuiltArtifactResponse(
                            artifact.response(),
                            run.executionId(),
                            run.pipelineIdentifier(),
                            run.orgIdentifier(),
                            run.projectIdentifier())));
  }
}
