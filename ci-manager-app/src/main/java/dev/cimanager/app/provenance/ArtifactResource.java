package dev.cimanager.app.provenance;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionStore;
import dev.cimanager.app.verification.ArtifactVerifications;
import dev.cimanager.app.web.ApiException;
import dev.cimanager.contracts.artifacts.ArtifactListResponse;
import dev.cimanager.contracts.artifacts.ArtifactResponse;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.api.ProvenanceException;
import dev.cimanager.ssca.api.ProvenanceService;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An execution's Artifacts tab: the images it pushed with their SLSA provenance, the signed
 * statement and envelope exactly as stored, and the re-push of a PUSH_FAILED attestation.
 */
@Path("/api/v1/executions/{executionId}/artifacts")
@Produces(MediaType.APPLICATION_JSON)
public final class ArtifactResource {
  private final ExecutionStore executions;
  private final ExecutionArtifacts artifacts;
  private final ProvenanceService provenance;
  private final RegistryCredentialsLookup registryCredentials;
  private final ArtifactVerifications verifications;

  @Inject
  ArtifactResource(
      ExecutionStore executions,
      ExecutionArtifacts artifacts,
      ProvenanceService provenance,
      RegistryCredentialsLookup registryCredentials,
      ArtifactVerifications verifications) {
    this.verifications = verifications;
    this.executions = executions;
    this.artifacts = artifacts;
    this.provenance = provenance;
    this.registryCredentials = registryCredentials;
  }

  @GET
  public ArtifactListResponse list(
      @Context Caller caller, @PathParam("executionId") String executionId) {
    Execution execution = execution(caller, executionId);
    return new ArtifactListResponse(
        verifications.withVerifications(
            execution,
            artifacts.of(execution).stream().map(ExecutionArtifacts.Artifact::response).toList()));
  }

  /** The in-toto Statement, as a download named {@code slsa_provenance_<stage>_<step>.json}. */
  @GET
  @Path("{artifactId}/provenance")
  public Response provenance(
      @Context Caller caller,
      @PathParam("executionId") String executionId,
      @PathParam("artifactId") String artifactId) {
    ExecutionArtifacts.Artifact artifact = signed(caller, executionId, artifactId);
    String fileName =
        "slsa_provenance_"
            + artifact.pushed().stageIdentifier()
            + "_"
            + artifact.pushed().stepIdentifier()
            + ".json";
    return Response.ok(artifact.record().statement(), MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  /** The DSSE envelope, byte for byte the layer pushed to the {@code .att}. */
  @GET
  @Path("{artifactId}/attestation")
  public Response attestation(
      @Context Caller caller,
      @PathParam("executionId") String executionId,
      @PathParam("artifactId") String artifactId) {
    ExecutionArtifacts.Artifact artifact = signed(caller, executionId, artifactId);
    return Response.ok(artifact.record().envelope(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Pushes a PUSH_FAILED attestation again from its stored record, with the step's registry
   * connector.
   */
  @POST
  @Path("{artifactId}/provenance/push")
  public ArtifactResponse push(
      @Context Caller caller,
      @PathParam("executionId") String executionId,
      @PathParam("artifactId") String artifactId) {
    Execution execution = execution(caller, executionId);
    ExecutionArtifacts.Artifact artifact = artifact(execution, artifactId);
    ProvenanceStatus status = artifact.status();
    if (status != ProvenanceStatus.PUSH_FAILED) {
      throw ApiException.conflict(
          "NOT_PUSH_FAILED",
          "the provenance of artifact '"
              + artifactId
              + "' is "
              + (status != null
                  ? status
                  : artifact.record() != null
                      ? "still being pushed"
                      : "not generated (its stage does not enable slsa_provenance)")
              + "; only a PUSH_FAILED attestation can be re-pushed");
    }
    ProvenanceRecord record = artifact.record();
    try {
      provenance.repush(
          record.id(), registryCredentials.forStep(execution, artifact.pushed()).orElse(null));
    } catch (ProvenanceException e) {
      if (e.reason()
          == ProvenanceException.Reason.NOT_PUSH_FAILED) { // another request re-pushed it first
        throw ApiException.conflict(
            "NOT_PUSH_FAILED",
            "the provenance of artifact '"
                + artifactId
                + "' is no longer PUSH_FAILED; only a PUSH_FAILED attestation can be re-pushed");
      }
      throw ApiException.conflict(
          "PROVENANCE_PUSH_FAILED",
          "tried to re-push the attestation of artifact '"
              + artifactId
              + "' but failed: "
              + e.getMessage());
    }
    return artifact(execution(caller, executionId), artifactId).response();
  }

  private ExecutionArtifacts.Artifact signed(Caller caller, String executionId, String artifactId) {
    ExecutionArtifacts.Artifact artifact = artifact(execution(caller, executionId), artifactId);
    if (artifact.record() != null && artifact.record().envelope() != null) {
      return artifact; // signed, whether or not its push has finished
    }
    if (artifact.status() == null) {
      throw ApiException.notFound(
          "PROVENANCE_NOT_FOUND",
          "artifact '"
              + artifactId
              + "' of execution '"
              + executionId
              + "' has no SLSA provenance: its stage does not enable slsa_provenance");
    }
    if (artifact.record() == null || artifact.record().envelope() == null) {
      throw ApiException.conflict(
          "PROVENANCE_FAILED",
          "artifact '"
              + artifactId
              + "' of execution '"
              + executionId
              + "' has no signed provenance: "
              + artifact.failureMessage());
    }
    return artifact;
  }

  private ExecutionArtifacts.Artifact artifact(Execution execution, String artifactId) {
    return artifacts
        .find(execution, artifactId)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "ARTIFACT_NOT_FOUND",
                    "artifact '"
                        + artifactId
                        + "' not found in execution '"
                        + execution.executionId()
                        + "': artifact ids are <stageIdentifier>.<stepIdentifier> of a step that pushed an image"));
  }

  private Execution execution(Caller caller, String executionId) {
    return executions
        .find(caller.accountId(), executionId)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "EXECUTION_NOT_FOUND", "execution '" + executionId + "' not found"));
  }
}
