package dev.cimanager.ssca.bench;

import dev.cimanager.ssca.signing.CosignKeyPair;
import dev.cimanager.ssca.signing.CosignKeyPairGenerator;
import dev.cimanager.ssca.signing.DsseSigner;
import dev.cimanager.ssca.signing.Envelope;
import dev.cimanager.ssca.signing.KeyLoadingException;
import dev.cimanager.ssca.signing.Signer;
import dev.cimanager.ssca.signing.SignerCache;
import dev.cimanager.ssca.signing.SignerCacheKey;
import dev.cimanager.ssca.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing costs per pipeline run: a raw ECDSA P-256 signature of a ~2 KB provenance statement (the
 * baseline), the same as a DSSE envelope (PAE + sign + envelope), and a {@link SignerCache} hit
 * (what every run after the first pays instead of scrypt). Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl ssca-provenance -am test-compile
 * mvn -B -q -pl ssca-provenance dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp ssca-provenance/target/test-classes:ssca-provenance/target/classes:$(cat /tmp/cp.txt) \
 *     dev.cimanager.ssca.bench.SigningBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 *
 * <p>Add {@code -Djmh.ignoreLock=true} before {@code -cp} if another JMH run holds {@code /tmp/jmh.lock}
 * (figures are then only indicative). Without arguments, {@code main} runs the defaults below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {

  private static final byte[] PASSWORD = "bench".getBytes(StandardCharsets.US_ASCII);

  private byte[] payload;
  private Signer signer;
  private DsseSigner dsseSigner;
  private SignerCache cache;
  private SignerCacheKey cachedKey;
  private SignerCache.Loader loader;

  @Setup
  public void setUp() throws KeyLoadingException {
    payload = statementOfAbout2Kb();
    CosignKeyPair pair = CosignKeyPairGenerator.generate(PASSWORD);
    loader = () -> SigningKeys.load(pair.privateKeyPem(), PASSWORD);
    signer = loader.load();
    dsseSigner = new DsseSigner(signer);
    cache = new SignerCache();
    cachedKey = cache.key("account.cosign-key", "1", PASSWORD);
    cache.get(cachedKey, loader);
  }

  @Benchmark
  public byte[] rawEcdsaP256Sign() {
    return signer.sign(payload);
  }

  @Benchmark
  public Envelope dsseSign() {
    return dsseSigner.sign(Envelope.IN_TOTO_PAYLOAD_TYPE, payload);
  }

  @Benchmark
  public Signer signerCacheHit() throws KeyLoadingException {
    return cache.get(cachedKey, loader);
  }

  /** A hit as the flow pays it: the salted password digest for the key, then the lookup. */
  @Benchmark
  public Signer signerCacheKeyAndHit() throws KeyLoadingException {
    return cache.get(cache.key("account.cosign-key", "1", PASSWORD), loader);
  }

  private static byte[] statementOfAbout2Kb() {
    StringBuilder json = new StringBuilder("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":"
        + "\"registry.example.com/team/app\",\"digest\":{\"sha256\":\"" + "ab".repeat(32) + "\"}}],"
        + "\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{\"buildDefinition\":{\"buildType\":"
        + "\"https://ci-manager.dev/buildtypes/build-and-push/v1\",\"externalParameters\":{\"buildArgs\":{");
    for (int i = 0; json.length() < 2000; i++) {
      json.append("\"ARG_").append(i).append("\":\"value-").append(i).append("-padding-padding\",");
    }
    json.setLength(json.length() - 1);
    return json.append("}}}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {SigningBenchmark.class.getName()});
  }
}
