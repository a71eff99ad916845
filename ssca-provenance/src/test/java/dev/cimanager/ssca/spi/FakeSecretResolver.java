package dev.cimanager.ssca.spi;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Secrets in a map, by reference, with the host's error messages: the seam for facade unit tests.
 */
public final class FakeSecretResolver implements SecretResolver {
  private record Stored(String type, byte[] value, long version) {}

  private final Map<String, Stored> secrets = new HashMap<>();

  public FakeSecretResolver file(String reference, byte[] content, long version) {
    secrets.put(reference, new Stored("SecretFile", content.clone(), version));
    return this;
  }

  public FakeSecretResolver text(String reference, String value, long version) {
    secrets.put(
        reference, new Stored("SecretText", value.getBytes(StandardCharsets.UTF_8), version));
    return this;
  }

  @Override
  public ResolvedSecret resolveFile(SecretScope scope, String reference) {
    return resolve(scope, reference, "SecretFile", "a file secret");
  }

  @Override
  public ResolvedSecret resolveText(SecretScope scope, String reference) {
    return resolve(scope, reference, "SecretText", "a text secret");
  }

  private ResolvedSecret resolve(
      SecretScope scope, String reference, String type, String required) {
    Stored stored = secrets.get(reference);
    if (stored == null) {
      throw SecretResolutionException.notFound(reference, scope);
    }
    if (!stored.type().equals(type)) {
      throw SecretResolutionException.wrongType(reference, stored.type(), required);
    }
    return new ResolvedSecret(reference, stored.version(), stored.value());
  }
}
