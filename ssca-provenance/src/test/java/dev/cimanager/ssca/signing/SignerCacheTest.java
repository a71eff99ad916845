package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignerCacheTest {

  private static final byte[] PASSWORD = "hello".getBytes(StandardCharsets.US_ASCII);

  private final SignerCache cache = new SignerCache();
  private final AtomicInteger loads = new AtomicInteger();

  /** A cheap real signer (unencrypted PKCS#8), counting how often the cache asks for it. */
  private Signer load() throws KeyLoadingException {
    loads.incrementAndGet();
    return SigningKeys.load(TestVectors.openssl("openssl-p256-pkcs8.pem"), new byte[0]);
  }

  @Test
  void get_cosignKeyTwice_decryptsOnceAndReturnsTheSameSigner() throws Exception {
    byte[] keyFile = TestVectors.read("encrypted-keys/cosign-keystest-sigstore-p256-pw-hello.key");
    SignerCache.Loader loader =
        () -> {
          loads.incrementAndGet();
          return SigningKeys.load(keyFile, PASSWORD);
        };

    Signer first = cache.get(cache.key("account.cosign-key", "1", PASSWORD), loader);
    Signer second = cache.get(cache.key("account.cosign-key", "1", PASSWORD), loader);

    assertThat(second).isSameAs(first);
    assertThat(loads).hasValue(1);
  }

  @Test
  void get_newSecretVersion_reloads() throws Exception {
    cache.get(cache.key("key", "1", PASSWORD), this::load);
    cache.get(cache.key("key", "2", PASSWORD), this::load);

    assertThat(loads).hasValue(2);
  }

  @Test
  void get_changedPassword_reloads() throws Exception {
    cache.get(cache.key("key", "1", PASSWORD), this::load);
    cache.get(cache.key("key", "1", "hello2".getBytes(StandardCharsets.US_ASCII)), this::load);

    assertThat(loads).hasValue(2);
  }

  @Test
  void get_otherSecret_reloads() throws Exception {
    cache.get(cache.key("org.key", "1", PASSWORD), this::load);
    cache.get(cache.key("account.key", "1", PASSWORD), this::load);

    assertThat(loads).hasValue(2);
  }

  @Test
  void get_failedLoad_isNotCachedSoTheNextCallRetries() throws Exception {
    SignerCacheKey key = cache.key("key", "1", PASSWORD);
    assertThatThrownBy(() -> cache.get(key, () -> SigningKeys.load(new byte[] {'x'}, PASSWORD)))
        .isInstanceOf(KeyLoadingException.class);

    cache.get(key, this::load);

    assertThat(loads).hasValue(1);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void get_beyondCapacity_evictsTheLeastRecentlyUsed() throws Exception {
    SignerCache small = new SignerCache(2);
    SignerCacheKey a = small.key("a", "1", PASSWORD);
    SignerCacheKey b = small.key("b", "1", PASSWORD);
    SignerCacheKey c = small.key("c", "1", PASSWORD);
    small.get(a, this::load);
    small.get(b, this::load);
    small.get(a, this::load);
    small.get(c, this::load); // evicts b, the least recently used
    assertThat(loads).hasValue(3);

    small.get(a, this::load);
    assertThat(loads).hasValue(3);
    small.get(b, this::load);
    assertThat(loads).hasValue(4);
    assertThat(small.size()).isEqualTo(2);
  }

  @Test
  void get_concurrentMissesForOneKey_loadOnce() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Signer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.get(cache.key("key", "1", PASSWORD), this::load);
                }));
      }
      start.countDown();
      Signer first = results.get(0).get();
      for (Future<Signer> result : results) {
        assertThat(result.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void key_samePassword_givesEqualKeys() {
    assertThat(cache.key("key", "1", PASSWORD))
        .isEqualTo(cache.key("key", "1", PASSWORD.clone()))
        .hasSameHashCodeAs(cache.key("key", "1", PASSWORD));
  }

  @Test
  void key_neverHoldsOrShowsThePassword() throws Exception {
    SignerCacheKey key = cache.key("account.cosign-key", "7", PASSWORD);
    byte[] unsaltedDigest = MessageDigest.getInstance("SHA-256").digest(PASSWORD);

    assertThat(key)
        .hasToString("SignerCacheKey[secretReference=account.cosign-key, secretVersion=7]");
    assertThat(key.passwordDigest()).hasSize(32).isNotEqualTo(unsaltedDigest);
    // Salted per cache: another cache's digest of the same password differs.
    assertThat(new SignerCache().key("account.cosign-key", "7", PASSWORD)).isNotEqualTo(key);
  }

  @Test
  void constructor_zeroCapacity_throws() {
    assertThatThrownBy(() -> new SignerCache(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be at least 1, was 0");
  }
}
