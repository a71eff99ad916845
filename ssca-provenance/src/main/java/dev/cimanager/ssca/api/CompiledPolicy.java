package dev.cimanager.ssca.api;

import dev.cel.runtime.CelRuntime;
import java.util.Objects;

/** A policy with its checked, ready-to-run CEL program. Immutable and thread-safe. */
record CompiledPolicy(Policy policy, CelRuntime.Program program) {
  CompiledPolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(program, "program");
  }
}
