package dev.cimanager.ssca.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled policy sets by (stored id, version), least recently used evicted: a new version of a set
 * compiles once, an unchanged set never again. Thread-safe.
 */
public final class PolicyCache {
  private static final int MAX_ENTRIES = 1024;

  private final Map<Key, CompiledPolicySet> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompiledPolicySet> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  /**
   * @throws dev.cimanager.ssca.api.InvalidPolicyException when the set does not compile (not
   *     cached)
   */
  public CompiledPolicySet get(PolicySet set) {
    Key key = new Key(set.cacheKey(), set.version());
    synchronized (entries) {
      CompiledPolicySet cached = entries.get(key);
      if (cached != null) {
        // the same stored set may be referenced as account.x from one place and x from another
        return cached.reference().equals(set.reference())
            ? cached
            : new CompiledPolicySet(set.reference(), cached.version(), cached.policies());
      }
    }
    // compiled outside the lock: two threads may compile the same version once each, harmlessly
    CompiledPolicySet compiled = PolicyCompiler.compile(set);
    synchronized (entries) {
      entries.put(key, compiled);
    }
    return compiled;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private record Key(String cacheKey, long version) {}
}
