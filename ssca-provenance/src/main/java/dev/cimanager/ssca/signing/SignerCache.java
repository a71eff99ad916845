package dev.cimanager.ssca.signing;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Loaded signers by secret version, so a Cosign key pays scrypt (0.1-0.4 s, up to 128 MiB) once,
 * not on every pipeline run. A bounded LRU; thread-safe; concurrent requests for the same key load
 * it once, different keys load in parallel. A failed load is not cached, so a fixed password is
 * picked up on the next call.
 */
public final class SignerCache {

  public static final int DEFAULT_CAPACITY = 256;

  /**
   * Loads a signer on a cache miss, typically {@code () -> SigningKeys.load(keyFile, password)}.
   */
  @FunctionalInterface
  public interface Loader {
    Signer load() throws KeyLoadingException;
  }

  /** Per cache, so password digests are useless outside this process and this cache. */
  private final byte[] salt = new byte[32];

  private final Map<SignerCacheKey, Entry> entries;

  public SignerCache() {
    this(DEFAULT_CAPACITY);
  }

  public SignerCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    new SecureRandom().nextBytes(salt);
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<SignerCacheKey, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The cache key for a secret version and the password it is loaded with; the password is only
   * hashed.
   */
  public SignerCacheKey key(String secretReference, String secretVersion, byte[] password) {
    SHA256Digest sha256 = new SHA256Digest();
    sha256.update(salt, 0, salt.length);
    sha256.update(password, 0, password.length);
    byte[] digest = new byte[sha256.getDigestSize()];
    sha256.doFinal(digest, 0);
    return new SignerCacheKey(secretReference, secretVersion, digest);
  }

  /** The cached signer for {@code key}, loading it with {@code loader} on a miss. */
  public Signer get(SignerCacheKey key, Loader loader) throws KeyLoadingException {
    Objects.requireNonNull(loader, "loader");
    Entry entry;
    synchronized (entries) {
      entry = entries.computeIfAbsent(key, k -> new Entry());
    }
    try {
      return entry.get(loader);
    } catch (KeyLoadingException | RuntimeException e) {
      synchronized (entries) {
        entries.remove(key, entry);
      }
      throw e;
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /**
   * Loads at most once; callers for the same key wait for the first load instead of repeating it.
   */
  private static final class Entry {
    private Signer signer;

    synchronized Signer get(Loader loader) throws KeyLoadingException {
      if (signer == null) {
        signer = Objects.requireNonNull(loader.load(), "the loader returned no signer");
      }
      return signer;
    }
  }

  @Override
  public String toString() {
    return "SignerCache[size=" + size() + "]";
  }
}
