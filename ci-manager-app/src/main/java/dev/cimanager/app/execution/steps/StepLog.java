package dev.cimanager.app.execution.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The log of one step: lines of the processes it ran, each passed through the execution's secret
 * masking before it is kept, so no secret value is ever stored. Safe to append from several threads.
 */
public final class StepLog {

  private final UnaryOperator<String> mask;
  private final List<String> lines = new ArrayList<>();

  /** @param mask replaces secret values in a line, e.g. with {@code **************} */
  public StepLog(UnaryOperator<String> mask) {
    this.mask = Objects.requireNonNull(mask, "mask");
  }

  /** Masks and keeps {@code line}; returns the masked line. */
  public String append(String line) {
    String masked = mask.apply(line);
    synchronized (lines) {
      lines.add(masked);
    }
    return masked;
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The last {@code count} lines, for error messages. */
  public List<String> tail(int count) {
    synchronized (lines) {
      return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
  }

  /** The whole log, one line per line. */
  public String text() {
    List<String> copy = lines();
    return copy.isEmpty() ? "" : String.join("\n", copy) + "\n";
  }
}
