package dev.cimanager.ssca.bench;

import dev.cimanager.ssca.api.ExecutionContext;
import dev.cimanager.ssca.api.ExecutionContexts;
import dev.cimanager.ssca.api.PredicateBuilder;
import dev.cimanager.ssca.api.StatementBuilder;
import dev.cimanager.ssca.provenance.ProvenanceJson;
import dev.cimanager.ssca.signing.CosignKeyPairGenerator;
import dev.cimanager.ssca.signing.DsseSigner;
import dev.cimanager.ssca.signing.Envelope;
import dev.cimanager.ssca.signing.KeyLoadingException;
import dev.cimanager.ssca.signing.Signer;
import dev.cimanager.ssca.signing.SignerCache;
import dev.cimanager.ssca.signing.SignerCacheKey;
import dev.cimanager.ssca.signing.SigningKeys;
import dev.cimanager.ssca.spi.CosignKeyPair;
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
 * Signing costs per pipeline run: a raw ECDSA P-256 signature of a real provenance statement (the
 * baseline), the same bytes as a DSSE envelope (PAE + sign + envelope), the whole in-process flow
 * from an {@link ExecutionContext} (predicate, statement, JSON, DSSE envelope), and a {@link
 * SignerCache} hit (what every run after the first pays instead of scrypt). Run from the repository
 * root:
 *
 * <pre>
 * mvn -B -q -pl ssca-provenance -am test-compile
 * mvn -B -q -pl ssca-provenance dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp ssca-provenance/target/test-classes:ssca-provenance/target/classes:$(cat /tmp/cp.txt) \
 *     dev.cimanager.ssca.bench.SigningBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 *
 * <p>Add {@code -Djmh.ignoreLock=true} before {@code -cp} if another JMH run holds {@code
 * /tmp/jmh.lock} (figures are then only indicative). Without arguments, {@code main} runs the
 * defaults below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {

  private static final byte[] PASSWORD = "bench".getBytes(StandardCharsets.US_ASCII);

  private final PredicateBuilder predicates = new PredicateBuilder();
  private final StatementBuilder statements = new StatementBuilder();
  private ExecutionContext context;
  private byte[] payload;
  private Signer signer;
  private DsseSigner dsseSigner;
  private SignerCache cache;
  private SignerCacheKey cachedKey;
  private SignerCache.Loader loader;

  @Setup
  public void setUp() throws KeyLoadingException {
    context = ExecutionContexts.golden();
    payload = statementBytes();
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

  /**
   * What the flow pays before storing: predicate, statement, canonical JSON and the DSSE envelope.
   */
  @Benchmark
  public byte[] provenanceStatementAndDsseSign() {
    return dsseSigner.sign(Envelope.IN_TOTO_PAYLOAD_TYPE, statementBytes()).toJson();
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

  private byte[] statementBytes() {
    return ProvenanceJson.toBytes(statements.build(context.image(), predicates.build(context)));
  }

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(
        args.length > 0 ? args : new String[] {SigningBenchmark.class.getName()});
  }
}
