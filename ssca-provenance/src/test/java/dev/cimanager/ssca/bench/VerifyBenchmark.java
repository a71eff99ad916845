package dev.cimanager.ssca.bench;

import dev.cimanager.ssca.api.ImageToVerify;
import dev.cimanager.ssca.api.ImageVerifier;
import dev.cimanager.ssca.api.Policy;
import dev.cimanager.ssca.api.PolicyCache;
import dev.cimanager.ssca.api.PolicyEvaluator;
import dev.cimanager.ssca.api.PolicyResult;
import dev.cimanager.ssca.api.PolicySet;
import dev.cimanager.ssca.api.PolicySeverity;
import dev.cimanager.ssca.api.Verdict;
import dev.cimanager.ssca.oci.AttestationPublisher;
import dev.cimanager.ssca.oci.RegistryClient;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.TestEnvelopes;
import dev.cimanager.ssca.policy.PolicyInput;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SLSA verification against a real docker-registry on loopback, side by side with the registry
 * floor it cannot avoid (manifest HEAD for the tag, GET of the {@code .att} manifest, GET of its
 * one layer), and 20 CEL policies against our real provenance (the golden statement) with cached
 * programs. Sample time: JMH prints p50/p90/p99.
 *
 * <p>Run: {@code ./scripts/bench.sh verify}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class VerifyBenchmark {
  private LocalRegistry registry;
  private RegistryClients clients;
  private RepositoryRef repo;
  private ImageVerifier verifier;
  private ImageToVerify request;
  private String tag;
  private Digest image;
  private Digest layer;
  private PolicyCache cache;
  private PolicySet twenty;
  private byte[] statement;
  private final Instant now = Instant.parse("2026-11-27T00:00:00Z");

  @Setup
  public void setUp() {
    registry = LocalRegistry.start();
    clients =
        new RegistryClients(
            RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
    repo = RepositoryRef.parse(registry.hostPort() + "/demo/app");
    RegistryClient client = clients.forPush(repo, null);
    byte[] content = "one layer".getBytes(StandardCharsets.UTF_8);
    byte[] config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
    client.pushBlob(Digest.of(content), content);
    client.pushBlob(Digest.of(config), config);
    tag = "bench";
    image =
        client.pushManifest(
            tag,
            "application/vnd.oci.image.manifest.v1+json",
            ("{\"schemaVersion\":2,"
                    + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                    + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                    + Digest.of(config)
                    + "\",\"size\":"
                    + config.length
                    + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\""
                    + Digest.of(content)
                    + "\",\"size\":"
                    + content.length
                    + "}]}")
                .getBytes(StandardCharsets.UTF_8));
    TestEnvelopes keys = TestEnvelopes.withNewKey();
    statement = golden().replace("3f".repeat(32), image.hex()).getBytes(StandardCharsets.UTF_8);
    layer =
        new AttestationPublisher(clients, new InProcessAttestationLocks())
            .publish(
                repo,
                image,
                keys.envelope(new String(statement, StandardCharsets.UTF_8)),
                TestEnvelopes.SLSA_V1,
                null)
            .layerDigest();
    cache = new PolicyCache();
    verifier = new ImageVerifier(clients, cache, Clock.systemUTC());
    request =
        new ImageToVerify(
            repo.toString(),
            tag,
            null,
            keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII),
            null,
            List.of(contractPolicies()));
    twenty = twentyPolicySet();
    Verdict check = verifier.verify(request);
    if (check.status() != Verdict.Status.PASSED) {
      throw new IllegalStateException("the benchmark's image does not verify: " + check);
    }
    if (PolicyEvaluator.evaluate(cache.get(twenty), input()).stream()
        .anyMatch(PolicyResult::denied)) {
      throw new IllegalStateException("a benchmark policy denies the golden provenance");
    }
  }

  @TearDown
  public void tearDown() {
    registry.close();
  }

  /** What any verification must fetch: resolve the tag, read the .att manifest, read its layer. */
  @Benchmark
  public byte[] registryFloor() {
    RegistryClient client = clients.forPull(repo, null);
    client.manifestDigest(tag).orElseThrow();
    client.pullManifest(image.attestationTag()).orElseThrow();
    return client.pullBlob(layer);
  }

  /**
   * The SlsaVerification step's engine: the floor plus DSSE, subject, predicate type and 3
   * policies.
   */
  @Benchmark
  public Verdict verifyImage() {
    return verifier.verify(request);
  }

  /**
   * 20 policies on a real provenance, programs cached: cache lookup, JSON to CEL values,
   * evaluation.
   */
  @Benchmark
  public List<PolicyResult> twentyPolicies() {
    return PolicyEvaluator.evaluate(
        cache.get(twenty), PolicyInput.of(statement, repo.toString(), image.toString(), now));
  }

  private PolicyInput input() {
    return PolicyInput.of(statement, repo.toString(), image.toString(), now);
  }

  private static PolicySet contractPolicies() {
    return new PolicySet(
        "bench:release",
        1,
        "account.release_policy",
        List.of(
            new Policy(
                "from_main",
                "m",
                "predicate.buildDefinition.externalParameters.codeMetadata.branch == 'main'",
                "not main",
                PolicySeverity.ERROR),
            new Policy(
                "our_builder",
                "b",
                "predicate.buildDefinition.buildType.startsWith('https://') && "
                    + "has(predicate.runDetails.builder.id)",
                "builder",
                PolicySeverity.ERROR),
            new Policy(
                "fresh",
                "f",
                "now - timestamp(predicate.runDetails.metadata.finishedOn) < duration('720h')",
                "old",
                PolicySeverity.WARNING)));
  }

  /**
   * Twenty policies of the kinds users write: field equality, prefixes, has(), exists() over lists,
   * time.
   */
  private static PolicySet twentyPolicySet() {
    String[] expressions = {
      "predicate.buildDefinition.externalParameters.codeMetadata.branch == 'main'",
      "predicate.buildDefinition.buildType.startsWith('https://')",
      "has(predicate.runDetails.builder.id)",
      "now - timestamp(predicate.runDetails.metadata.finishedOn) < duration('720h')",
      "predicateType == 'https://slsa.dev/provenance/v1'",
      "image.digest == 'sha256:' + statement.subject[0].digest.sha256",
      "image.name.startsWith('127.0.0.1')",
      "predicate.buildDefinition.externalParameters.triggerMetadata.triggerType in ['MANUAL', 'WEBHOOK', 'SCHEDULED']",
      "predicate.buildDefinition.resolvedDependencies.exists(d, d.uri.startsWith('git+'))",
      "predicate.buildDefinition.resolvedDependencies.all(d, has(d.digest))",
      "predicate.buildDefinition.externalParameters.codeMetadata.commitSha.matches('^[0-9a-f]{40}$')",
      "predicate.buildDefinition.internalParameters.projectIdentifier == 'demo'",
      "predicate.buildDefinition.internalParameters.orgIdentifier == 'default'",
      "size(statement.subject) == 1",
      "predicate.buildDefinition.externalParameters.buildMetadata.dockerfile == 'Dockerfile'",
      "predicate.buildDefinition.externalParameters.buildMetadata.tags.exists(t, t == '1.0')",
      "!has(predicate.buildDefinition.externalParameters.buildMetadata.buildArgs.DEBUG)",
      "predicate.runDetails.builder.version['ci-manager'] != ''",
      "timestamp(predicate.runDetails.metadata.startedOn) <= timestamp(predicate.runDetails.metadata.finishedOn)",
      "predicate.buildDefinition.externalParameters.codeMetadata.repositoryURL.endsWith('.git')"
    };
    List<Policy> policies = new ArrayList<>();
    for (int i = 0; i < expressions.length; i++) {
      policies.add(
          new Policy("p" + i, "p" + i, expressions[i], "denied " + i, PolicySeverity.ERROR));
    }
    return new PolicySet("bench:twenty", 1, "account.twenty", policies);
  }

  private static String golden() {
    try (InputStream in =
        VerifyBenchmark.class.getResourceAsStream("/golden/provenance-statement.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
