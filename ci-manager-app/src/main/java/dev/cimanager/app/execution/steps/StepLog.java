package dev.cimanager.app.execution.steps;

import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.app.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The log of one step: lines of the processes it ran, each passed through the execution's secret
 * masking and then made printable before it is kept, so no secret value is ever stored and no value can
 * forge a line (a newline, carriage return or ANSI escape in a build argument shows as {@code \n},
 * {@code \r}, {@code \x1b}). Safe to append from several threads.
 */
public final class StepLog {

  private final UnaryOperator<String> mask;
  private final Consumer<ResolvedSecret> hide;
  private final List<ResolvedSecret> hiddenHere = new ArrayList<>();
  private volatile SecretMasker hiddenMask = SecretMasker.of(List.of());
  private final List<String> lines = new ArrayList<>();

  /** @param mask replaces secret values in a line, e.g. with {@code **************} */
  public StepLog(UnaryOperator<String> mask) {
    this.mask = Objects.requireNonNull(mask, "mask");
    this.hide = null;
  }

  /**
   * @param mask replaces secret values in a line
   * @param hide adds a secret to {@code mask} (the execution's), so it is hidden in every later line and
   *     message of the run
   */
  public StepLog(UnaryOperator<String> mask, Consumer<ResolvedSecret> hide) {
    this.mask = Objects.requireNonNull(mask, "mask");
    this.hide = Objects.requireNonNull(hide, "hide");
  }

  /** Hides {@code secret}'s value in every later line (and, in a run, in its messages). */
  public void hide(ResolvedSecret secret) {
    if (hide != null) {
      hide.accept(secret);
      return;
    }
    synchronized (hiddenHere) {
      hiddenHere.add(secret);
      hiddenMask = SecretMasker.of(hiddenHere);
    }
  }

  /** Masks, makes printable and keeps {@code line}; returns the line as kept. */
  public String append(String line) {
    String kept = printable(hiddenMask.mask(mask.apply(line)));
    synchronized (lines) {
      lines.add(kept);
    }
    return kept;
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

  /**
   * {@code text} with every control character but tab (and the Unicode line and paragraph separators)
   * written as an escape, so one appended value is always exactly one line and cannot move the cursor.
   */
  static String printable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escape != null) {
          out.append(escape);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c) {
    if (c == '\t') {
      return null;
    }
    if (c == '\n') {
      return "\\n";
    }
    if (c == '\r') {
      return "\\r";
    }
    if (Character.isISOControl(c)) {
      return String.format("\\x%02x", (int) c);
    }
    if (c == '\u2028' || c == '\u2029') {
      return String.format("\\u%04x", (int) c);
    }
    return null;
  }
}
