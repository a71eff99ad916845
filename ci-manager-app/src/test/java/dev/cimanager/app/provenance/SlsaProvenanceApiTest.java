package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.app.CiManagerVersion;
import dev.cimanager.app.provenance.commands.CommandLine;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.api.CosignKeys;
import dev.cimanager.ssca.api.ProvenanceService;
import dev.cimanager.ssca.api.VerificationResult;
import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLSA provenance end to end through the public API: the running application, a real registry, real
 * buildah, a real Git repository ({@code file://}), secrets created through the API. One build per
 * execution; builds of one commit are reproducible, so every execution here pushes the same digest.
 */
@IntegrationTest
class SlsaProvenanceApiTest {
  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension static final TestApp APP = new TestApp().pushingTo(REGISTRY);

  private static final Duration MAX_WAIT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String VECTOR =
      "cosign/encrypted-keys/cosign-keystest-sigstore-p256-pw-hello";
  private static final String GENERATED_PASSWORD = "s3cret pass ünïcode ";

  @TempDir static Path origin;
  @TempDir static Path keys;

  private static RevCommit commit;
  private static ApiClient acme;
  private static CosignKeyPair generated;
  private static JsonNode vectorRun;

  @BeforeAll
  static void createRepositoryAccountSecretsAndConnectors() throws Exception {
    commit = BuildFixtures.commitScratchImage(origin);
    acme = APP.newAccount();
    BuildFixtures.project(acme, "demo");
    BuildFixtures.registryConnector(acme, "", "local_registry", REGISTRY.url());
    BuildFixtures.gitConnector(acme, "", "app_repo", origin.toUri());

    generated = CosignKeys.generate(GENERATED_PASSWORD.getBytes(StandardCharsets.UTF_8));
    BuildFixtures.cosignSecrets(acme, generated.privateKeyPem(), GENERATED_PASSWORD);
    BuildFixtures.fileSecret(acme, "vector_key", resource(VECTOR + ".key"));
    BuildFixtures.textSecret(acme, "vector_password", "hello");
    BuildFixtures.textSecret(acme, "wrong_password", "not-hello");
    BuildFixtures.fileSecret(
        acme, "not_a_key", "this is not a key\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void run_pushesAVerifiableAttestationCarryingTheWholeContext() throws Exception {
    JsonNode execution = vectorRun();
    String executionId = execution.get("executionId").asText();
    JsonNode artifact = onlyArtifact(executionId);
    String digest = artifact.get("digest").asText();
    String attestationRef =
        REGISTRY.hostPort() + "/demo/app:sha256-" + digest.substring(7) + ".att";

    assertThat(artifact.get("id").asText()).isEqualTo("build.BuildAndPush");
    assertThat(artifact.get("stageIdentifier").asText()).isEqualTo("build");
    assertThat(artifact.get("stepIdentifier").asText()).isEqualTo("BuildAndPush");
    assertThat(artifact.get("type").asText()).isEqualTo("Image");
    assertThat(artifact.get("image").asText()).isEqualTo(REGISTRY.hostPort() + "/demo/app");
    assertThat(artifact.get("tags").toString())
        .isEqualTo("[\"1.0\",\"" + execution.get("sequenceId").asText() + "\"]");
    assertThat(digest).matches("sha256:[0-9a-f]{64}");
    JsonNode provenance = artifact.get("provenance");
    assertThat(provenance.get("status").asText()).isEqualTo("PUSHED");
    assertThat(provenance.get("predicateType").asText())
        .isEqualTo("https://slsa.dev/provenance/v1");
    assertThat(provenance.get("attestationRef").asText()).isEqualTo(attestationRef);
    assertThat(provenance.get("failureMessage").isNull()).isTrue();

    VerificationResult verified = verify("demo/app", digest, resource(VECTOR + ".derived.pub"));
    JsonNode statement =
        verified.verifiedStatements().stream()
            .map(SlsaProvenanceApiTest::json)
            .filter(
                s ->
                    s.at("/predicate/buildDefinition/internalParameters/pipelineExecutionId")
                        .asText()
                        .equals(executionId))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no verified statement of " + executionId + ": " + verified));
    assertThat(statement.at("/subject/0/name").asText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/app");
    assertThat(statement.at("/subject/0/digest/sha256").asText()).isEqualTo(digest.substring(7));
    JsonNode external = statement.at("/predicate/buildDefinition/externalParameters");
    assertThat(external.at("/codeMetadata/repositoryURL").asText())
        .isEqualTo(origin.toUri().toString());
    assertThat(external.at("/codeMetadata/branch").asText()).isEqualTo("main");
    assertThat(external.at("/codeMetadata/commitSha").asText()).isEqualTo(commit.name());
    assertThat(external.at("/triggerMetadata/triggerType").asText()).isEqualTo("MANUAL");
    assertThat(external.at("/triggerMetadata/triggeredBy").asText()).isEqualTo("Test User");
    assertThat(external.at("/buildMetadata/dockerfile").asText()).isEqualTo("Dockerfile");
    assertThat(external.at("/buildMetadata/buildArgs/VERSION").asText()).isEqualTo("1.0");
    assertThat(external.at("/buildMetadata/labels").toString())
        .isEqualTo("{\"org.opencontainers.image.title\":\"app\"}");
    JsonNode internal = statement.at("/predicate/buildDefinition/internalParameters");
    assertThat(internal.get("accountId").asText()).isEqualTo(acme.accountId());
    assertThat(internal.get("orgIdentifier").asText()).isEqualTo("default");
    assertThat(internal.get("projectIdentifier").asText()).isEqualTo("demo");
    assertThat(internal.get("pipelineIdentifier").asText()).isEqualTo("vector_app");
    assertThat(internal.get("stageIdentifier").asText()).isEqualTo("build");
    assertThat(internal.get("stepIdentifier").asText()).isEqualTo("BuildAndPush");
    JsonNode dependency = statement.at("/predicate/buildDefinition/resolvedDependencies/0");
    assertThat(dependency.get("uri").asText())
        .isEqualTo("git+" + origin.toUri() + "@refs/heads/main");
    assertThat(dependency.at("/digest/gitCommit").asText()).isEqualTo(commit.name());
    assertThat(dependency.at("/annotations/commitTime").asText())
        .isEqualTo(Instant.ofEpochSecond(commit.getCommitTime()).toString());
    JsonNode runDetails = statement.at("/predicate/runDetails");
    assertThat(runDetails.at("/builder/version/ci-manager").asText())
        .isEqualTo(CiManagerVersion.read())
        .doesNotContain("${");
    assertThat(runDetails.at("/builder/version/buildah").asText()).matches("\\d+\\.\\d+.*");
    assertThat(runDetails.at("/metadata/invocationId").asText()).isEqualTo(executionId);
    assertThat(runDetails.at("/metadata/startedOn").asText()).endsWith("Z");

    String log = ExecutionFixtures.buildLog(acme, executionId);
    assertThat(log)
        .contains("SLSA provenance: signed with account.vector_key, pushed " + attestationRef);
  }

  @Test
  void attestation_isByteIdenticalToTheRegistryLayerAndProvenanceDownloads() throws Exception {
    String executionId = vectorRun().get("executionId").asText();
    String digest = onlyArtifact(executionId).get("digest").asText();
    String base = "/api/v1/executions/" + executionId + "/artifacts/build.BuildAndPush";

    ApiResponse envelope = acme.get(base + "/attestation");
    ApiResponse statement = acme.get(base + "/provenance");

    assertThat(envelope.status()).isEqualTo(200);
    assertThat(attestationLayers("demo/app", digest))
        .anySatisfy(layer -> assertThat(layer).isEqualTo(envelope.bytes()));
    assertThat(statement.status()).isEqualTo(200);
    assertThat(statement.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"slsa_provenance_build_BuildAndPush.json\"");
    assertThat(statement.json().get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
    String payload = envelope.json().get("payload").asText();
    assertThat(java.util.Base64.getDecoder().decode(payload)).isEqualTo(statement.bytes());
  }

  @Test
  void concurrentRuns_ofOneCommitKeepEveryAttestation() throws Exception {
    putPipeline(
        "concurrent_app", "demo/app", "account.cosign_private_key", "account.cosign_password");

    List<CompletableFuture<JsonNode>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String executionId = ExecutionFixtures.started(acme, "concurrent_app");
      runs.add(
          CompletableFuture.supplyAsync(
              () -> ExecutionFixtures.awaitEnd(acme, executionId, MAX_WAIT)));
    }
    List<String> digests = new ArrayList<>();
    List<String> executionIds = new ArrayList<>();
    for (CompletableFuture<JsonNode> run : runs) {
      JsonNode execution = run.get();
      assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
      String executionId = execution.get("executionId").asText();
      executionIds.add(executionId);
      JsonNode artifact = onlyArtifact(executionId);
      assertThat(artifact.at("/provenance/status").asText()).isEqualTo("PUSHED");
      digests.add(artifact.get("digest").asText());
    }

    assertThat(digests).as("reproducible builds: one digest").containsOnly(digests.get(0));
    VerificationResult verified = verify("demo/app", digests.get(0), generated.publicKeyPem());
    assertThat(
            verified.verifiedStatements().stream()
                .map(
                    s ->
                        json(s)
                            .at("/predicate/buildDefinition/internalParameters/pipelineExecutionId")
                            .asText()))
        .containsExactlyInAnyOrderElementsOf(executionIds);
  }

  @Test
  void missingSecret_failsTheStepNamingTheReferenceAndPushesNoAttestation() throws Exception {
    // saving checks the secret exists; it can still be deleted before the run
    BuildFixtures.fileSecret(acme, "deleted_key", "unused".getBytes(StandardCharsets.UTF_8));
    putPipeline(
        "missing_key", "demo/fail-missing", "account.deleted_key", "account.cosign_password");
    assertThat(acme.delete("/api/v1/secrets/deleted_key").status()).isEqualTo(204);

    assertProvenanceFails(
        "missing_key",
        "demo/fail-missing",
        "account.deleted_key",
        "account.cosign_password",
        "secret account.deleted_key not found");
  }

  @Test
  void passwordSecretOfTheWrongType_failsTheStep() throws Exception {
    // saving checks the type; the secret can still be re-created as a file secret before the run
    BuildFixtures.textSecret(acme, "retyped_password", "hello");
    putPipeline(
        "password_type", "demo/fail-type", "account.vector_key", "account.retyped_password");
    assertThat(acme.delete("/api/v1/secrets/retyped_password").status()).isEqualTo(204);
    BuildFixtures.fileSecret(acme, "retyped_password", "hello".getBytes(StandardCharsets.UTF_8));

    assertProvenanceFails(
        "password_type",
        "demo/fail-type",
        "account.vector_key",
        "account.retyped_password",
        "secret account.retyped_password is a SecretFile but a SecretText is required");
  }

  @Test
  void wrongPassword_failsTheStep() throws Exception {
    String message =
        assertProvenanceFails(
            "wrong_password",
            "demo/fail-password",
            "account.vector_key",
            "account.wrong_password",
            "account.vector_key");
    assertThat(message).contains("account.wrong_password").containsIgnoringCase("password");
  }

  @Test
  void privateKeyThatIsNotAKey_failsTheStep() throws Exception {
    String message =
        assertProvenanceFails(
            "not_a_key",
            "demo/fail-notkey",
            "account.not_a_key",
            "account.vector_password",
            "account.not_a_key");
    assertThat(message).containsIgnoringCase("PEM");
  }

  @Test
  void pushFailedAttestation_isRePushedThroughTheApiOnceTheRegistryAcceptsIt() throws Exception {
    String digest = onlyArtifact(vectorRun().get("executionId").asText()).get("digest").asText();
    // the registry refuses the .att tag of demo/flaky (and only it): a file where its tag directory
    // goes
    Path tagDir =
        REGISTRY.storageDir().resolve("docker/registry/v2/repositories/demo/flaky/_manifests/tags");
    Files.createDirectories(tagDir);
    Path blocker =
        Files.writeString(tagDir.resolve("sha256-" + digest.substring(7) + ".att"), "blocked");
    putPipeline("flaky_app", "demo/flaky", "account.vector_key", "account.vector_password");

    JsonNode execution = run("flaky_app");
    String executionId = execution.get("executionId").asText();
    JsonNode step = execution.at("/stages/0/steps/0");
    JsonNode artifact = onlyArtifact(executionId);
    String pushPath =
        "/api/v1/executions/" + executionId + "/artifacts/build.BuildAndPush/provenance/push";

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    assertThat(step.get("failureMessage").asText())
        .startsWith("SLSA provenance: ")
        .contains(REGISTRY.hostPort());
    assertThat(artifact.at("/provenance/status").asText()).isEqualTo("PUSH_FAILED");
    assertThat(artifact.at("/provenance/failureMessage").asText()).contains(REGISTRY.hostPort());
    assertThat(attestationManifest("demo/flaky", digest).statusCode()).isNotEqualTo(200);
    ApiResponse stillRefused = acme.postJson(pushPath, "");
    assertThat(stillRefused.status()).as(stillRefused.toString()).isEqualTo(409);
    assertThat(stillRefused.code()).isEqualTo("PROVENANCE_PUSH_FAILED");

    Files.delete(blocker);
    ApiResponse pushed = acme.postJson(pushPath, "");

    assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
    assertThat(pushed.json().at("/provenance/status").asText()).isEqualTo("PUSHED");
    assertThat(pushed.json().at("/provenance/attestationRef").asText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/flaky:sha256-" + digest.substring(7) + ".att");
    assertThat(verify("demo/flaky", digest, resource(VECTOR + ".derived.pub")).verifiedStatements())
        .hasSize(1);
    assertThat(attestationLayers("demo/flaky", digest))
        .containsExactly(
            acme.get(
                    "/api/v1/executions/"
                        + executionId
                        + "/artifacts/build.BuildAndPush/attestation")
                .bytes());
    ApiResponse again = acme.postJson(pushPath, "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("NOT_PUSH_FAILED");
  }

  @Test
  void artifacts_ofAStageWithoutProvenanceOmitItAndPushNoAttestation() throws Exception {
    putPipeline("plain_app", "demo/plain", "account.vector_key", "account.vector_password", false);

    JsonNode execution = run("plain_app");
    String executionId = execution.get("executionId").asText();
    JsonNode artifact = onlyArtifact(executionId);

    assertThat(execution.get("status").asText()).as(execution.toString()).isEqualTo("SUCCESS");
    assertThat(artifact.get("image").asText()).isEqualTo(REGISTRY.hostPort() + "/demo/plain");
    assertThat(artifact.has("provenance")).as(artifact.toString()).isFalse();
    assertThat(attestationManifest("demo/plain", artifact.get("digest").asText()).statusCode())
        .isEqualTo(404);
    ApiResponse provenance =
        acme.get("/api/v1/executions/" + executionId + "/artifacts/build.BuildAndPush/provenance");
    assertThat(provenance.status()).isEqualTo(404);
    assertThat(provenance.code()).isEqualTo("PROVENANCE_NOT_FOUND");
    ApiResponse push =
        acme.postJson(
            "/api/v1/executions/" + executionId + "/artifacts/build.BuildAndPush/provenance/push",
            "");
    assertThat(push.status()).isEqualTo(409);
    assertThat(push.code()).isEqualTo("NOT_PUSH_FAILED");
  }

  @Test
  void artifacts_anotherAccountOrUnknownArtifactAnswers404() throws Exception {
    String executionId = vectorRun().get("executionId").asText();
    ApiClient other = APP.newAccount();
    String base = "/api/v1/executions/" + executionId + "/artifacts";

    assertThat(other.get(base).status()).isEqualTo(404);
    assertThat(other.get(base).code()).isEqualTo("EXECUTION_NOT_FOUND");
    assertThat(other.get(base + "/build.BuildAndPush/attestation").status()).isEqualTo(404);
    assertThat(other.postJson(base + "/build.BuildAndPush/provenance/push", "").status())
        .isEqualTo(404);
    ApiResponse unknown = acme.get(base + "/build.nope/provenance");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("ARTIFACT_NOT_FOUND");
    assertThat(unknown.message()).contains("build.nope");
    assertThat(acme.get("/api/v1/executions/no-such-execution/artifacts").code())
        .isEqualTo("EXECUTION_NOT_FOUND");
    assertThat(APP.anonymous().get(base).status()).isEqualTo(401);
    ApiResponse notFailed = acme.postJson(base + "/build.BuildAndPush/provenance/push", "");
    assertThat(notFailed.status()).isEqualTo(409);
    assertThat(notFailed.code()).isEqualTo("NOT_PUSH_FAILED");
  }

  @Test
  void verifyAttestationCommand_verifiesWithTheSigningKeyAndFailsWithAnother() throws Exception {
    String digest = onlyArtifact(vectorRun().get("executionId").asText()).get("digest").asText();
    Path signingKey = Files.write(keys.resolve("vector.pub"), resource(VECTOR + ".derived.pub"));
    Path otherKey =
        Files.write(keys.resolve("other.pub"), CosignKeys.generate(new byte[0]).publicKeyPem());

    CommandLine.Result verified = verifyCommand(digest, signingKey);
    CommandLine.Result refused = verifyCommand(digest, otherKey);

    assertThat(verified.succeeded()).as(verified.toString()).isTrue();
    JsonNode summary = JSON.readTree(verified.stdout());
    assertThat(summary.get("verified").asBoolean()).isTrue();
    assertThat(summary.get("verifiedLayers").asInt()).isPositive();
    assertThat(summary.get("attestationRef").asText())
        .isEqualTo(REGISTRY.hostPort() + "/demo/app:sha256-" + digest.substring(7) + ".att");
    assertThat(refused.succeeded()).isFalse();
    assertThat(JSON.readTree(refused.stdout()).get("verified").asBoolean()).isFalse();
    assertThat(refused.stderr())
        .contains("no attestation of " + REGISTRY.hostPort() + "/demo/app@" + digest);
  }

  private static CommandLine.Result verifyCommand(String digest, Path key) {
    return CommandLine.verifyAttestation(
        "--registry",
        REGISTRY.url().toString(),
        "--repository",
        "demo/app",
        "--digest",
        digest,
        "--key",
        key.toString());
  }

  @Test
  void noSecretValue_reachesMongoOutsideTheSecretsCollection() throws Exception {
    vectorRun();
    MongoDatabase database = APP.service(MongoDatabase.class);
    for (String collection : database.listCollectionNames()) {
      if (collection.startsWith("secret")) {
        continue;
      }
      for (Document document : database.getCollection(collection).find()) {
        String text = document.toJson();
        assertThat(text)
            .as(collection)
            .doesNotContain(GENERATED_PASSWORD.strip(), "not-hello", "ENCRYPTED SIGSTORE");
      }
    }
  }

  /**
   * Runs a pipeline whose signing key is unusable; checks the message, the artifacts and the
   * registry. The key is checked before the build, so nothing is pushed: the registry has no such
   * repository (no image tag, no {@code .att}) and the execution lists no artifact (the step
   * recorded no image). A FAILED provenance record is only stored for failures after the push.
   */
  private static String assertProvenanceFails(
      String pipeline, String repo, String keyRef, String passwordRef, String expectedInMessage)
      throws Exception {
    if (acme.get("/api/v1/orgs/default/projects/demo/pipelines/" + pipeline).status() == 404) {
      putPipeline(pipeline, repo, keyRef, passwordRef);
    }

    JsonNode execution = run(pipeline);
    String executionId = execution.get("executionId").asText();
    JsonNode stage = execution.at("/stages/0");
    JsonNode step = stage.at("/steps/0");
    String message = step.get("failureMessage").asText();
    ApiResponse artifacts = acme.get("/api/v1/executions/" + executionId + "/artifacts");

    assertThat(execution.get("status").asText()).isEqualTo("FAILED");
    assertThat(stage.get("status").asText()).isEqualTo("FAILED");
    assertThat(step.get("status").asText()).isEqualTo("FAILED");
    assertThat(message)
        .startsWith("SLSA provenance: ")
        .contains(expectedInMessage)
        .endsWith("nothing was built or pushed");
    assertThat(step.hasNonNull("outcome")).as(step.toString()).isFalse();
    assertThat(artifacts.status()).isEqualTo(200);
    assertThat(artifacts.json().get("artifacts")).as(artifacts.toString()).isEmpty();
    assertThat(
            HTTP.send(
                    HttpRequest.newBuilder(REGISTRY.url().resolve("/v2/" + repo + "/tags/list"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .as("no tag at all in " + repo)
        .isEqualTo(404);
    assertThat(
            acme.get(
                    "/api/v1/executions/"
                        + executionId
                        + "/artifacts/build.BuildAndPush/attestation")
                .code())
        .isEqualTo("ARTIFACT_NOT_FOUND");
    String log = ExecutionFixtures.buildLog(acme, executionId);
    assertThat(log).contains("SLSA provenance: failed: ").doesNotContain("$ buildah");
    return message;
  }

  private static synchronized JsonNode vectorRun() {
    if (vectorRun == null) {
      putPipeline("vector_app", "demo/app", "account.vector_key", "account.vector_password");
      vectorRun = run("vector_app");
      assertThat(vectorRun.get("status").asText()).as(vectorRun.toString()).isEqualTo("SUCCESS");
    }
    return vectorRun;
  }

  private static VerificationResult verify(String repository, String digest, byte[] publicKey) {
    return APP.service(ProvenanceService.class)
        .verify(REGISTRY.hostPort() + "/" + repository, digest, publicKey, null);
  }

  private static JsonNode onlyArtifact(String executionId) {
    ApiResponse response = acme.get("/api/v1/executions/" + executionId + "/artifacts");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode artifacts = response.json().get("artifacts");
    assertThat(artifacts).as(response.toString()).hasSize(1);
    return artifacts.get(0);
  }

  private static HttpResponse<byte[]> attestationManifest(String repository, String digest)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                REGISTRY
                    .url()
                    .resolve(
                        "/v2/" + repository + "/manifests/sha256-" + digest.substring(7) + ".att"))
            .header("Accept", "application/vnd.oci.image.manifest.v1+json")
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Every layer blob of the image's {@code .att}, as the registry serves it. */
  private static List<byte[]> attestationLayers(String repository, String digest) throws Exception {
    HttpResponse<byte[]> manifest = attestationManifest(repository, digest);
    assertThat(manifest.statusCode()).isEqualTo(200);
    List<byte[]> layers = new ArrayList<>();
    for (JsonNode layer : JSON.readTree(manifest.body()).get("layers")) {
      URI blob =
          REGISTRY.url().resolve("/v2/" + repository + "/blobs/" + layer.get("digest").asText());
      layers.add(
          HTTP.send(HttpRequest.newBuilder(blob).build(), HttpResponse.BodyHandlers.ofByteArray())
              .body());
    }
    return layers;
  }

  private static JsonNode run(String pipeline) {
    return ExecutionFixtures.runToEnd(acme, pipeline, MAX_WAIT);
  }

  private static void putPipeline(
      String identifier, String repo, String keyRef, String passwordRef) {
    putPipeline(identifier, repo, keyRef, passwordRef, true);
  }

  private static void putPipeline(
      String identifier, String repo, String keyRef, String passwordRef, boolean slsa) {
    TestPipeline.buildAndPush(identifier)
        .codebase("account.app_repo")
        .slsa(slsa, keyRef, passwordRef)
        .repo(repo)
        .tags("1.0", "<+pipeline.sequenceId>")
        .buildArg("VERSION", "1.0")
        .label("org.opencontainers.image.title", "app")
        .save(acme);
  }

  private static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = SlsaProvenanceApiTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name + " is not on the test classpath (ssca-provenance test-jar)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
