package dev.cimanager.app.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.provenance.commands.CommandLine;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SlsaVerification step and on-demand verification end to end: the running application, a real
 * registry, real buildah, the contract's pipeline-verify.yaml and policyset-release.json as
 * written.
 */
@IntegrationTest
class SlsaVerificationApiTest {
  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension
  static final TestApp APP =
      new TestApp()
          .pushingTo(REGISTRY)
          .with("provenance.builderId", "https://ci.acme.example/builders/ci")
          .with("provenance.buildTypeBaseUrl", "https://ci.acme.example/docs");

  private static final Path CONTRACT = Path.of("/work/shared/contract/examples");
  private static final Duration MAX_WAIT = Duration.ofMinutes(4);
  private static final String PASSWORD = "verify me";
  private static final String VERIFY_STEP = "pipeline.stages[0].stage.spec.execution.steps[0].step";

  @TempDir static Path origin;
  @TempDir static Path files;

  private static ApiClient acme;
  private static JsonNode contractRun;
  private static CosignKeyPair keys;

  @BeforeAll
  static void createRepositoryAccountSecretsConnectorsAndPolicies() throws Exception {
    BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    BuildFixtures.demoProject(acme, REGISTRY.url(), origin.toUri());
    keys = CosignKeys.generate(PASSWORD.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(acme, keys.privateKeyPem(), PASSWORD);
    BuildFixtures.fileSecret(acme, "cosign_public_key", keys.publicKeyPem());
    BuildFixtures.fileSecret(acme, "other_public_key", otherPublicKey());
    BuildFixtures.fileSecret(
        acme, "not_a_key", "this is not a key\n".getBytes(StandardCharsets.UTF_8));
    acme.postJson(
            "/api/v1/policysets",
            new ObjectMapper()
                .readValue(Files.readString(CONTRACT.resolve("policyset-release.json")), Map.class))
        .expect(201);
    acme.postJson("/api/v1/orgs/default/policysets", policySet("release_only", "error"))
        .expect(201);
    acme.postJson(
            "/api/v1/orgs/default/projects/demo/policysets", policySet("release_hint", "warning"))
        .expect(201);
  }

  private static Map<String, Object> policySet(String identifier, String severity) {
    return Map.of(
        "identifier",
        identifier,
        "name",
        identifier,
        "policies",
        List.of(
            Map.of(
                "identifier",
                "release_branch",
                "name",
                "Built from a release branch",
                "expression",
                "predicate.buildDefinition.externalParameters.codeMetadata.branch.startsWith('release/')",
                "message",
                "the image was not built from a release branch",
                "severity",
                severity),
            Map.of(
                "identifier",
                "pinned_builder",
                "name",
                "Our builder",
                "expression",
                "predicate.runDetails.builder.id == 'https://ci.acme.example/builders/ci'"
                    + " && predicate.buildDefinition.buildType == 'https://ci.acme.example/docs/docs/buildtype/ci-manager-build-v1.md'",
                "message",
                "unknown builder",
                "severity",
                "error")));
  }

  private static byte[] otherPublicKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return ("-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The contract's pipeline-verify.yaml, saved and run once as written. */
  private static synchronized JsonNode contractRun() throws Exception {
    if (contractRun == null) {
      ApiResponse saved =
          acme.putYaml(
              "/api/v1/orgs/default/projects/demo/pipelines/build_and_verify",
              Files.readString(CONTRACT.resolve("pipeline-verify.yaml")));
      assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
      contractRun = run("build_and_verify");
    }
    return contractRun;
  }

  private static String builtDigest() throws Exception {
    return artifacts(contractRun().get("executionId").asText()).get(0).get("digest").asText();
  }

  @Test
  void contractPipeline_buildsAttestsAndVerifies_andTheArtifactCarriesTheVerdict()
      throws Exception {
    JsonNode execution = contractRun();
    String executionId = execution.get("executionId").asText();

    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    List<JsonNode> artifacts = artifacts(executionId);
    assertThat(artifacts).hasSize(1);
    JsonNode artifact = artifacts.get(0);
    assertThat(artifact.get("id").asText()).isEqualTo("build.BuildAndPush");
    JsonNode verification = artifact.get("verification");
    assertThat(verification.get("status").asText()).as(artifact.toString()).isEqualTo("PASSED");
    assertThat(verification.get("signature").asText()).isEqualTo("PASSED");
    assertThat(verification.get("stepIdentifier").asText()).isEqualTo("VerifyProvenance");
    assertThat(verification.get("failureMessage").isNull()).isTrue();
    assertThat(verification.get("policies")).hasSize(3);
    JsonNode first = verification.get("policies").get(0);
    assertThat(first.get("policySet").asText()).isEqualTo("account.release_policy");
    assertThat(first.get("identifier").asText()).isEqualTo("from_main");
    assertThat(first.get("status").asText()).isEqualTo("PASS");
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(verification.get("policies").get(2).get("severity").asText()).isEqualTo("warning");

    String log =
        acme.get("/api/v1/executions/" + executionId + "/stages/verify/steps/VerifyProvenance/logs")
            .body();
    assertThat(log)
        .contains("Policy account.release_policy/from_main: PASS")
        .contains("Policy account.release_policy/fresh: PASS")
        .contains("Attestation signature verification: passed");
  }

  @Test
  void errorPolicyDenial_failsTheRunWithThePolicyAndItsMessage() throws Exception {
    putVerifyPipeline(
        "deny_run", "digest: " + builtDigest(), "account.cosign_public_key", "org.release_only");

    JsonNode execution = run("deny_run");

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    JsonNode step = execution.at("/stages/0/steps/0");
    assertThat(step.get("status").asText()).isEqualTo("FAILED");
    assertThat(step.get("failureMessage").asText())
        .contains("org.release_only/release_branch: the image was not built from a release branch")
        .doesNotContain("pinned_builder");
    JsonNode artifact = artifacts(execution.get("executionId").asText()).get(0);
    assertThat(artifact.get("id").asText()).isEqualTo("verify.VerifyProvenance");
    assertThat(artifact.get("digest").asText()).isEqualTo(builtDigest());
    assertThat(artifact.get("image").asText()).isEqualTo(REGISTRY.hostPort() + "/demo/app");
    assertThat(artifact.has("provenance")).isFalse();
    JsonNode verification = artifact.get("verification");
    assertThat(verification.get("status").asText()).isEqualTo("FAILED");
    assertThat(verification.get("signature").asText()).isEqualTo("PASSED");
    assertThat(verification.get("failureMessage").asText())
        .isEqualTo(step.get("failureMessage").asText());
    assertThat(verification.at("/policies/0/status").asText()).isEqualTo("DENY");
    assertThat(verification.at("/policies/0/message").asText())
        .isEqualTo("the image was not built from a release branch");
    assertThat(verification.at("/policies/1/status").asText()).isEqualTo("PASS");
    String log = logOf(execution);
    assertThat(log)
        .contains(
            "Policy org.release_only/release_branch: DENY (error): the image was not built from a release branch")
        .contains("Policy org.release_only/pinned_builder: PASS");
  }

  @Test
  void warningPolicyDenial_passesAsWarning() throws Exception {
    putVerifyPipeline(
        "warn_run", "digest: " + builtDigest(), "account.cosign_public_key", "release_hint");

    JsonNode execution = run("warn_run");

    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    JsonNode verification =
        artifacts(execution.get("executionId").asText()).get(0).get("verification");
    assertThat(verification.get("status").asText()).isEqualTo("WARNING");
    assertThat(verification.at("/policies/0/status").asText()).isEqualTo("DENY");
    assertThat(verification.at("/policies/0/severity").asText()).isEqualTo("warning");
    assertThat(logOf(execution)).contains("Policy release_hint/release_branch: DENY (warning)");
  }

  @Test
  void wrongKey_failsOnTheSignature() throws Exception {
    putVerifyPipeline(
        "wrong_key_run", "digest: " + builtDigest(), "account.other_public_key", null);

    JsonNode execution = run("wrong_key_run");

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    assertThat(execution.at("/stages/0/steps/0/failureMessage").asText())
        .contains("no SLSA provenance attestation verified with the public key")
        .contains("signature(s) verifies");
    JsonNode verification =
        artifacts(execution.get("executionId").asText()).get(0).get("verification");
    assertThat(verification.get("signature").asText()).isEqualTo("FAILED");
    assertThat(verification.get("policies")).isEmpty();
    assertThat(logOf(execution)).contains("Attestation signature verification: failed");
  }

  @Test
  void notAPublicKey_missingTag_andNoAttestation_eachFailWithOneSentence() throws Exception {
    putVerifyPipeline("not_key_run", "digest: " + builtDigest(), "account.not_a_key", null);
    assertThat(run("not_key_run").at("/stages/0/steps/0/failureMessage").asText())
        .contains("the public key is not a public key cosign can verify with");

    putVerifyPipeline("missing_tag_run", "tag: nope", "account.cosign_public_key", null);
    assertThat(run("missing_tag_run").at("/stages/0/steps/0/failureMessage").asText())
        .isEqualTo(
            "tried to verify "
                + REGISTRY.hostPort()
                + "/demo/app:nope but failed because the image "
                + REGISTRY.hostPort()
                + "/demo/app:nope does not exist in its registry");

    putVerifyPipeline(
        "no_att_run", "digest: sha256:" + "0".repeat(64), "account.cosign_public_key", null);
    assertThat(run("no_att_run").at("/stages/0/steps/0/failureMessage").asText())
        .contains("the image has no attestation");
  }

  @Test
  void save_checksConnectorSecretAndPolicySetReferences_namingTheYamlPath() {
    ApiResponse unknownSet =
        putVerifyPipelineResponse(
            "bad_refs", "tag: x", "account.cosign_password", "account.no_such_set");

    assertThat(unknownSet.status()).isEqualTo(400);
    JsonNode errors = unknownSet.json().get("errors");
    assertThat(errors.toString())
        .contains(VERIFY_STEP + ".spec.verify_attestation.spec.public_key")
        .contains("is a SecretText but a SecretFile is required")
        .contains(VERIFY_STEP + ".enforce.policySets[0]")
        .contains("policy set account.no_such_set not found");

    ApiResponse badDigest =
        putVerifyPipelineResponse(
            "bad_digest", "digest: sha256:abc", "account.cosign_public_key", null);
    assertThat(badDigest.status()).isEqualTo(400);
    assertThat(badDigest.body()).contains(VERIFY_STEP + ".spec.source.spec.digest");
  }

  @Test
  void onDemand_answers200WithTheVerdictWhateverItIs_and4xxOnlyForBadInput() throws Exception {
    String digest = builtDigest();
    String path = "/api/v1/orgs/default/projects/demo/verifications";
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "connector",
                "account.local_registry",
                "image_path",
                "demo/app",
                "digest",
                digest,
                "public_key",
                "account.cosign_public_key",
                "policySets",
                List.of("account.release_policy", "org.release_only")));

    ApiResponse denied = acme.postJson(path, body);
    assertThat(denied.status()).as(denied.toString()).isEqualTo(200);
    assertThat(denied.json().get("image").asText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/app@" + digest);
    assertThat(denied.json().get("status").asText()).isEqualTo("FAILED");
    assertThat(denied.json().get("signature").asText()).isEqualTo("PASSED");
    assertThat(denied.json().get("policies")).hasSize(5);
    assertThat(denied.json().get("failureMessage").asText())
        .contains("org.release_only/release_branch");

    body.put("policySets", List.of("account.release_policy"));
    body.remove("digest");
    body.put("tag", contractRun().get("sequenceId").asText());
    ApiResponse passed = acme.postJson(path, body);
    assertThat(passed.status()).isEqualTo(200);
    assertThat(passed.json().get("status").asText()).as(passed.body()).isEqualTo("PASSED");
    assertThat(passed.json().get("image").asText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/app@" + digest);

    body.put("public_key", "account.other_public_key");
    ApiResponse wrongKey = acme.postJson(path, body);
    assertThat(wrongKey.status()).isEqualTo(200);
    assertThat(wrongKey.json().get("signature").asText()).isEqualTo("FAILED");

    body.put("connector", "account.nope");
    assertThat(acme.postJson(path, body).status()).isEqualTo(400);
    body.put("connector", "account.local_registry");
    body.put("digest", "sha256:xyz");
    ApiResponse malformed = acme.postJson(path, body);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("message").asText()).contains("digest");
    body.remove("digest");
    body.put("public_key", "account.missing_key");
    assertThat(acme.postJson(path, body).json().get("code").asText()).isEqualTo("SECRET_NOT_FOUND");
  }

  @Test
  void policyTrial_evaluatesUnsavedPoliciesAgainstTheProvenanceOfARun() throws Exception {
    String executionId = contractRun().get("executionId").asText();
    String path = "/api/v1/orgs/default/projects/demo/policysets/evaluate";
    @SuppressWarnings("unchecked")
    List<Object> policies = (List<Object>) policySet("trial", "warning").get("policies");

    ApiResponse tried =
        acme.postJson(
            path,
            Map.of(
                "policies",
                policies,
                "executionId",
                executionId,
                "artifactId",
                "build.BuildAndPush"));

    assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
    assertThat(tried.json().get("status").asText()).isEqualTo("WARNING");
    assertThat(tried.json().get("digest").asText()).isEqualTo(builtDigest());
    assertThat(tried.json().at("/policies/0/status").asText()).isEqualTo("DENY");
    assertThat(tried.json().at("/policies/1/status").asText()).isEqualTo("PASS");
    ApiResponse invalid =
        acme.postJson(
            path,
            Map.of(
                "executionId",
                executionId,
                "policies",
                List.of(Map.of("identifier", "broken", "expression", "predicate.("))));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("code").asText()).isEqualTo("INVALID_POLICY");
    assertThat(
            APP.newAccount()
                .postJson(
                    "/api/v1/policysets/evaluate",
                    Map.of("policies", policies, "executionId", executionId))
                .status())
        .isEqualTo(404);
  }

  @Test
  void verifyAttestationCommand_withPolicyFiles_appliesThemFromALaptop() throws Exception {
    String digest = builtDigest();
    Path key = Files.write(files.resolve("cosign.pub"), keys.publicKeyPem());
    Path denying =
        Files.writeString(
            files.resolve("release_only.json"),
            new ObjectMapper().writeValueAsString(policySet("release_only", "error")));

    CommandLine.Result passed =
        verifyCommand(digest, key, CONTRACT.resolve("policyset-release.json"));
    CommandLine.Result denied = verifyCommand(digest, key, denying);

    assertThat(passed.succeeded()).as(passed.toString()).isTrue();
    JsonNode summary = new ObjectMapper().readTree(passed.stdout());
    assertThat(summary.get("status").asText()).isEqualTo("PASSED");
    assertThat(summary.get("policies")).hasSize(3);
    assertThat(summary.at("/policies/0/policySet").asText()).isEqualTo("release_policy");
    assertThat(denied.succeeded()).isFalse();
    assertThat(new ObjectMapper().readTree(denied.stdout()).get("status").asText())
        .isEqualTo("FAILED");
    assertThat(denied.stderr())
        .contains("release_only/release_branch: the image was not built from a release branch");
  }

  private static CommandLine.Result verifyCommand(String digest, Path key, Path policy) {
    return CommandLine.verifyAttestation(
        "--registry",
        REGISTRY.url().toString(),
        "--repository",
        "demo/app",
        "--digest",
        digest,
        "--key",
        key.toString(),
        "--policy",
        policy.toString());
  }

  private static void putVerifyPipeline(
      String identifier, String imageLine, String publicKey, String policySet) {
    ApiResponse response = putVerifyPipelineResponse(identifier, imageLine, publicKey, policySet);
    assertThat(response.status()).as(response.toString()).isIn(200, 201);
  }

  private static ApiResponse putVerifyPipelineResponse(
      String identifier, String imageLine, String publicKey, String policySet) {
    return acme.putYaml(
        "/api/v1/orgs/default/projects/demo/pipelines/" + identifier,
        """
        pipeline:
          identifier: %s
          name: Verify
          orgIdentifier: default
          projectIdentifier: demo
          stages:
            - stage:
                identifier: verify
                name: Verify
                type: CI
                spec:
                  cloneCodebase: false
                  execution:
                    steps:
                      - step:
                          identifier: VerifyProvenance
                          name: Verify SLSA Provenance
                          type: SlsaVerification
                          spec:
                            source:
                              type: Docker
                              spec:
                                connector: account.local_registry
                                image_path: demo/app
                                %s
                            verify_attestation:
                              type: cosign
                              spec:
                                public_key: %s
        """
                .formatted(identifier, imageLine, publicKey)
            + (policySet == null
                ? ""
                : " ".repeat(18)
                    + "enforce:\n"
                    + " ".repeat(20)
                    + "policySets:\n"
                    + " ".repeat(22)
                    + "- "
                    + policySet
                    + "\n"));
  }

  private static String logOf(JsonNode execution) {
    return acme.get(
            "/api/v1/executions/"
                + execution.get("executionId").asText()
                + "/stages/verify/steps/VerifyProvenance/logs")
        .body();
  }

  private static List<JsonNode> artifacts(String executionId) {
    ApiResponse response = acme.get("/api/v1/executions/" + executionId + "/artifacts");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<JsonNode> artifacts = new java.util.ArrayList<>();
    response.json().get("artifacts").forEach(artifacts::add);
    return artifacts;
  }

  private static JsonNode run(String pipeline) {
    return ExecutionFixtures.runToEnd(acme, pipeline, MAX_WAIT);
  }
}
