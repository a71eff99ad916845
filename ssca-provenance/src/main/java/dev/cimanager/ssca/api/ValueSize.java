package dev.cimanager.ssca.api;

import dev.cel.common.values.CelByteString;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The size of a CEL value as a policy built it: characters of a string, bytes of a bytes value, and
 * for a list or map its entries plus the sizes of what they hold, shared parts counted each time
 * they appear. The step and time bounds cannot see a single huge step: {@code [s].map(x, x + x)[0]}
 * nested twenty times doubles a string into gigabytes in a few dozen steps, and {@code [x].map(x,
 * [x, x])} nested builds a list whose equality check walks billions of elements in one step.
 * Bounding what each step produces stops both. Containers are measured once (cached by identity),
 * so measuring a list costs its own entries only.
 */
final class ValueSize {
  private final Map<Object, Long> measured = new IdentityHashMap<>();

  long of(Object value) {
    if (value instanceof String text) {
      return text.length();
    }
    if (value instanceof CelByteString bytes) {
      return bytes.size();
    }
    if (value instanceof com.google.protobuf.ByteString bytes) {
      return bytes.size();
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      Long known = measured.get(value);
      if (known != null) {
        return known;
      }
      long size = 0;
      if (value instanceof Collection<?> list) {
        for (Object element : list) {
          size = saturatedAdd(saturatedAdd(size, 1), of(element));
        }
      } else {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          size = saturatedAdd(saturatedAdd(size, 1 + of(entry.getKey())), of(entry.getValue()));
        }
      }
      measured.put(value, size);
      return size;
    }
    return 1;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
