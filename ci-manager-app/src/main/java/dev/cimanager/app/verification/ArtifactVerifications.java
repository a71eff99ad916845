package dev.cimanager.app.verification;

import dev.cimanager.app.execution.Execution;
import dev.cimanager.contracts.artifacts.ArtifactResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the execution's verification verdicts to its artifacts: on the pushed artifact of the
 * verified digest when the execution pushed it, else as an artifact of its own with the
 * verification step's {@code <stage>.<step>} id. When several steps verified the same image, the
 * last one shows.
 */
@Singleton
public final class ArtifactVerifications {
  private final VerificationStore store;

  @Inject
  ArtifactVerifications(VerificationStore store) {
    this.store = store;
  }

  public List<ArtifactResponse> withVerifications(
      Execution execution, List<ArtifactResponse> pushed) {
    List<ArtifactResponse> artifacts = new ArrayList<>(pushed);
    for (StoredVerification verification : store.of(execution)) {
      int index = indexOf(artifacts, verification);
      if (index >= 0) {
        artifacts.set(index, artifacts.get(index).withVerification(verification.summary()));
      } else {
        artifacts.add(
            new ArtifactResponse(
                verification.artifactId(),
                verification.stageIdentifier(),
                verification.stepIdentifier(),
                ArtifactResponse.TYPE_IMAGE,
                verification.image(),
                verification.tag() == null ? List.of() : List.of(verification.tag()),
                verification.digest(),
                null,
                verification.summary()));
      }
    }
    return artifacts;
  }

  private static int indexOf(List<ArtifactResponse> artifacts, StoredVerification verification) {
    for (int i = 0; i < artifacts.size(); i++) {
      ArtifactResponse artifact = artifacts.get(i);
      boolean sameImage =
          verification.digest() != null
              && verification.digest().equals(artifact.digest())
              && verification.image().equals(artifact.image());
      if (sameImage || artifact.id().equals(verification.artifactId())) {
        return i;
      }
    }
    return -1;
  }
}
