package dev.cimanager.app.execution;

import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.app.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The secrets one execution has resolved so far, as a mask for its step logs and failure messages:
 * every value resolved anywhere in the run is hidden everywhere in it from then on.
 */
public final class ExecutionSecrets implements UnaryOperator<String> {

  private final List<ResolvedSecret> resolved = new ArrayList<>();
  private volatile SecretMasker masker = SecretMasker.of(List.of());

  /** Hides {@code secret}'s value in every later log line and message of this execution. */
  public synchronized void add(ResolvedSecret secret) {
    resolved.add(secret);
    masker = SecretMasker.of(resolved);
  }

  @Override
  public String apply(String text) {
    return masker.mask(text);
  }

  @Override
  public String toString() {
    return "ExecutionSecrets[" + masker + "]";
  }
}
