package dev.cimanager.ssca.bench;

import dev.cimanager.ssca.oci.AttestationPublisher;
import dev.cimanager.ssca.oci.PublishedAttestation;
import dev.cimanager.ssca.oci.RegistryClients;
import dev.cimanager.ssca.oci.RegistryConfig;
import dev.cimanager.ssca.oci.TestEnvelopes;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.InProcessAttestationLocks;
import dev.cimanager.ssca.spi.RepositoryRef;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Publishing one attestation (a fresh image digest each time, so each publish creates its {@code
 * .att}) to a real docker-registry on loopback: publishes per second with 1 and with 8 threads, and
 * HTTP requests per publish (printed at the end of each trial).
 *
 * <p>Run: {@code mvn -B -q -o -pl ssca-provenance -am test-compile dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath && java -cp
 * ssca-provenance/target/test-classes:ssca-provenance/target/classes:$(cat
 * ssca-provenance/target/test.classpath) dev.cimanager.ssca.bench.PublishBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class PublishBenchmark {
  private LocalRegistry registry;
  private RegistryClients clients;
  private AttestationPublisher publisher;
  private RepositoryRef repo;
  private final TestEnvelopes keys = TestEnvelopes.withNewKey();
  private final LongAdder publishes = new LongAdder();

  /** The envelope for the next publish, signed outside the measured call. */
  @State(Scope.Thread)
  public static class NextAttestation {
    Digest image;
    byte[] envelope;

    @Setup(Level.Invocation)
    public void sign(PublishBenchmark bench) {
      image = TestEnvelopes.randomDigest();
      envelope = bench.keys.provenanceEnvelope(bench.repo, image, "bench");
    }
  }

  @Setup(Level.Trial)
  public void startRegistry() {
    registry = LocalRegistry.start();
    clients =
        new RegistryClients(
            RegistryConfig.defaults().withInsecureHosts(Set.of(registry.hostPort())));
    publisher = new AttestationPublisher(clients, new InProcessAttestationLocks());
    repo = RepositoryRef.parse(registry.hostPort() + "/bench/app");
  }

  @TearDown(Level.Trial)
  public void stopRegistry() {
    System.out.printf(
        "%nrequests per publish: %.2f (%d requests, %d publishes)%n",
        (double) clients.requestsSent() / publishes.sum(), clients.requestsSent(), publishes.sum());
    registry.close();
  }

  @Benchmark
  @Threads(1)
  public PublishedAttestation publishOneThread(NextAttestation next) {
    publishes.increment();
    return publisher.publish(repo, next.image, next.envelope, TestEnvelopes.SLSA_V1, null);
  }

  @Benchmark
  @Threads(8)
  public PublishedAttestation publishEightThreads(NextAttestation next) {
    publishes.increment();
    return publisher.publish(repo, next.image, next.envelope, TestEnvelopes.SLSA_V1, null);
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(PublishBenchmark.class.getName()).build()).run();
  }
}
