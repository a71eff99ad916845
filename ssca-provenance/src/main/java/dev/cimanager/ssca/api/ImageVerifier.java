package dev.cimanager.ssca.api;

import dev.cimanager.ssca.api.Verdict.Status;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryException;
import dev.cimanager.ssca.policy.PolicyInput;
import dev.cimanager.ssca.signing.KeyLoadingException;
import dev.cimanager.ssca.signing.PublicKeys;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.verify.AttestationNotFoundException;
import dev.cimanager.ssca.verify.AttestationVerifier;
import dev.cimanager.ssca.verify.LayerFailure;
import dev.cimanager.ssca.verify.VerificationReport;
import dev.cimanager.ssca.verify.VerifiedAttestation;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The SLSA Verification step's engine: resolve the tag, verify the {@code .att} layer by layer with
 * {@link AttestationVerifier} (signature, subject digest, SLSA v1 predicate type), then apply every
 * policy to each verified provenance. The image passes when one verified provenance is denied by no
 * {@code error} policy. Anything the image, its registry or the key get wrong is a FAILED verdict
 * with one sentence, never an exception; only a malformed request (an invalid image name or digest)
 * throws.
 */
public final class ImageVerifier {
  private final RegistryClients clients;
  private final AttestationVerifier attestations;
  private final PolicyCache policies;
  private final Clock clock;

  public ImageVerifier(RegistryClients clients, PolicyCache policies, Clock clock) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.attestations = new AttestationVerifier(clients);
    this.policies = Objects.requireNonNull(policies, "policies");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @throws IllegalArgumentException when the image name or the digest is malformed
   */
  public Verdict verify(ImageToVerify request) {
    RepositoryRef repo = RepositoryRef.parse(request.image());
    Digest requested = request.digest() == null ? null : Digest.parse(request.digest());
    String named = requested == null ? repo + ":" + request.tag() : repo + "@" + requested;

    PublicKey key;
    try {
      key = PublicKeys.parse(request.publicKeyPem());
    } catch (KeyLoadingException e) {
      return failed(
          named,
          requested,
          "the public key is not a public key cosign can verify with (" + e.getMessage() + ")",
          List.of());
    }
    Digest digest = requested;
    if (digest == null) {
      try {
        digest =
            clients.forPull(repo, request.credentials()).manifestDigest(request.tag()).orElse(null);
      } catch (RegistryException e) {
        return failed(named, null, "the registry could not be read: " + e.getMessage(), List.of());
      }
      if (digest == null) {
        return failed(
            named, null, "the image " + named + " does not exist in its registry", List.of());
      }
    }
    String image = repo + "@" + digest;

    VerificationReport report;
    try {
      report = attestations.verify(repo, digest, key, request.credentials());
    } catch (AttestationNotFoundException e) {
      return failed(
          image,
          digest,
          "the image has no attestation ("
              + repo
              + ":"
              + digest.attestationTag()
              + " does not exist)",
          List.of());
    } catch (RegistryException e) {
      return failed(
          image, digest, "its attestations could not be read: " + e.getMessage(), List.of());
    }
    List<String> log = new ArrayList<>();
    report.failures().forEach(failure -> log.add("Attestation " + failure + ": FAILED"));
    if (report.verified().isEmpty()) {
      String why =
          report.failures().isEmpty()
              ? "its attestation " + report.reference() + " has no layers"
              : "no SLSA provenance attestation verified with the public key: "
                  + report.failures().stream()
                      .map(LayerFailure::toString)
                      .collect(Collectors.joining("; "));
      return failed(image, digest, why, log);
    }
    report
        .verified()
        .forEach(
            v ->
                log.add(
                    "Attestation layer "
                        + v.layerIndex()
                        + " ("
                        + v.layerDigest()
                        + "): signature, subject and predicate type verified"));

    List<CompiledPolicySet> compiled = new ArrayList<>();
    for (PolicySet set : request.policySets()) {
      try {
        compiled.add(policies.get(set));
      } catch (InvalidPolicyException e) {
        log.add("Policy set " + set.reference() + ": " + e.getMessage());
        return new Verdict(
            image,
            digest.toString(),
            Status.FAILED,
            Status.PASSED,
            List.of(),
            "policy set " + set.reference() + " cannot be evaluated: " + e.getMessage(),
            log);
      }
    }
    Instant now = clock.instant();
    long deadline = System.nanoTime() + PolicyEvaluator.MAX_TOTAL_NANOS;
    List<PolicyResult> chosen = null;
    for (VerifiedAttestation attestation : report.verified()) {
      List<PolicyResult> results = evaluate(compiled, attestation, repo, digest, now, deadline);
      if (chosen == null || results.stream().noneMatch(PolicyResult::fails)) {
        chosen = results;
      }
      if (results.stream().noneMatch(PolicyResult::fails)) {
        break;
      }
    }
    chosen.forEach(result -> log.add(result.logLine()));
    List<PolicyResult> failing = chosen.stream().filter(PolicyResult::fails).toList();
    if (!failing.isEmpty()) {
      return new Verdict(
          image,
          digest.toString(),
          Status.FAILED,
          Status.PASSED,
          chosen,
          "the provenance of "
              + image
              + " was denied by "
              + failing.stream()
                  .map(r -> r.policySet() + "/" + r.identifier() + ": " + r.message())
                  .collect(Collectors.joining("; ")),
          log);
    }
    Status status = chosen.stream().anyMatch(PolicyResult::denied) ? Status.WARNING : Status.PASSED;
    return new Verdict(image, digest.toString(), status, Status.PASSED, chosen, null, log);
  }

  private static List<PolicyResult> evaluate(
      List<CompiledPolicySet> sets,
      VerifiedAttestation attestation,
      RepositoryRef repo,
      Digest digest,
      Instant now,
      long deadline) {
    PolicyInput input =
        PolicyInput.of(attestation.statementJson(), repo.toString(), digest.toString(), now);
    List<PolicyResult> results = new ArrayList<>();
    for (CompiledPolicySet set : sets) {
      results.addAll(PolicyEvaluator.evaluate(set, input, deadline));
    }
    return results;
  }

  private static Verdict failed(String image, Digest digest, String why, List<String> log) {
    String sentence = "tried to verify " + image + " but failed because " + why;
    List<String> lines = new ArrayList<>(log);
    lines.add("Signature verification: FAILED");
    return new Verdict(
        image,
        digest == null ? null : digest.toString(),
        Status.FAILED,
        Status.FAILED,
        List.of(),
        sentence,
        lines);
  }
}
