package dev.cimanager.app.execution.tools;

import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.app.secrets.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one step: lines of the processes it ran, each passed through the execution's secret
 * masking and then made printable before it is kept, so no secret value is ever stored and no value
 * can forge a line (a newline, carriage return or ANSI escape in a build argument shows as {@code
 * \n}, {@code \r}, {@code \x1b}). Safe to append from several threads.
 *
 * <p>Lines stream to a {@link LogSink} (MongoDB for a step's log) in small batches as they come:
 * what the log holds in memory is the unwritten batch and a short tail for failure messages,
 * whatever the step prints. A line is cut at {@link #MAX_LINE_CHARS}; once the log reaches its byte
 * limit it ends with one truncation line and later lines are dropped (they still reach the tail).
 */
public final class StepLog {

  /** The default limit of one step's stored log. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** The longest line kept, in characters; longer lines are cut with a note. */
  public static final int MAX_LINE_CHARS = 8192;

  static final int TAIL_LINES = 20;
  static final int BATCH_LINES = 200;
  static final int BATCH_BYTES = 256 * 1024;
  static final Duration BATCH_AGE = Duration.ofMillis(500);

  private static final Logger LOG = LoggerFactory.getLogger(StepLog.class);

  /** What a read from a line number found. */
  public record Slice(List<String> lines, int nextLine) {
    public Slice {
      lines = List.copyOf(lines);
    }

    /** The lines as text, each ended by a newline. */
    public String text() {
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
  }

  private final UnaryOperator<String> mask;
  private final Consumer<ResolvedSecret> hide;
  private final LogSink sink;
  private final long maxBytes;
  private final List<ResolvedSecret> hiddenHere = new ArrayList<>();
  private volatile SecretMasker hiddenMask = SecretMasker.of(List.of());

  // guarded by this
  private final List<String> batch = new ArrayList<>();
  private final Deque<String> tail = new ArrayDeque<>();
  private long batchBytes;
  private long batchStartedNanos;
  private int writtenLines;
  private long keptBytes;
  private boolean truncated;
  private int lostLines;

  /** An in-memory log with the default limit. @param mask replaces secret values in a line */
  public StepLog(UnaryOperator<String> mask) {
    this(mask, null, LogSink.inMemory(), DEFAULT_MAX_BYTES);
  }

  /**
   * An in-memory log of a run: {@code hide} adds a secret to {@code mask} (the execution's), so it
   * is hidden in every later line and message of the run.
   */
  public StepLog(UnaryOperator<String> mask, Consumer<ResolvedSecret> hide) {
    this(mask, Objects.requireNonNull(hide, "hide"), LogSink.inMemory(), DEFAULT_MAX_BYTES);
  }

  /**
   * @param hide adds a secret to the run's mask; null keeps hidden secrets to this log
   * @param sink where lines are written as they come
   * @param maxBytes the most UTF-8 bytes (newlines included) the log keeps before its truncation
   *     line
   */
  public StepLog(
      UnaryOperator<String> mask, Consumer<ResolvedSecret> hide, LogSink sink, long maxBytes) {
    this.mask = Objects.requireNonNull(mask, "mask");
    this.hide = hide;
    this.sink = Objects.requireNonNull(sink, "sink");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
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

  /** Masks, makes printable, cuts and keeps {@code line}; returns the line as kept. */
  public String append(String line) {
    String kept = cut(printable(hiddenMask.mask(mask.apply(line))));
    synchronized (this) {
      tail.addLast(kept);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
      if (truncated) {
        return kept;
      }
      long bytes = kept.getBytes(StandardCharsets.UTF_8).length + 1L;
      if (keptBytes + bytes > maxBytes) {
        truncated = true;
        add(
            "(log truncated: this step's log reached its limit of "
                + maxBytes
                + " bytes; later lines are not stored)",
            0);
        flush();
        return kept;
      }
      keptBytes += bytes;
      add(kept, bytes);
      if (batch.size() >= BATCH_LINES
          || batchBytes >= BATCH_BYTES
          || System.nanoTime() - batchStartedNanos >= BATCH_AGE.toNanos()) {
        flush();
      }
    }
    return kept;
  }

  /** Writes what is not written yet; call when the step ends. */
  public synchronized void close() {
    flush();
  }

  /** Lines {@code from} (0-based) to the end, as far as they exist now. */
  public Slice from(int from) {
    int written;
    List<String> unwritten;
    synchronized (this) {
      written = writtenLines;
      unwritten = List.copyOf(batch);
    }
    List<String> lines = new ArrayList<>();
    if (from < written) {
      // written lines never change, so they are read outside the lock
      lines.addAll(sink.read(from, written));
    }
    lines.addAll(
        unwritten.subList(
            Math.min(unwritten.size(), Math.max(0, from - written)), unwritten.size()));
    return new Slice(lines, from + lines.size());
  }

  public List<String> lines() {
    return from(0).lines();
  }

  /** The last {@code count} lines (at most {@link #TAIL_LINES}), for error messages. */
  public synchronized List<String> tail(int count) {
    List<String> all = new ArrayList<>(tail);
    return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
  }

  /** The whole log, one line per line. */
  public String text() {
    return from(0).text();
  }

  private void add(String line, long bytes) {
    if (batch.isEmpty()) {
      batchStartedNanos = System.nanoTime();
    }
    batch.add(line);
    batchBytes += bytes;
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(batch);
    if (lostLines > 0) {
      lines.add(0, "(" + lostLines + " earlier log lines could not be stored)");
    }
    try {
      sink.write(writtenLines, lines);
      writtenLines += lines.size();
      lostLines = 0;
    } catch (RuntimeException e) {
      // the step goes on; memory stays bounded, and the gap is named in the log once storage is
      // back
      LOG.warn("could not store {} step log lines", batch.size(), e);
      lostLines += batch.size();
    }
    batch.clear();
    batchBytes = 0;
  }

  /**
   * Room past {@link #MAX_LINE_CHARS} for the note of a line a {@link BoundedLineReader} already
   * cut.
   */
  private static final int NOTE_ROOM = 100;

  private static String cut(String line) {
    if (line.length() <= MAX_LINE_CHARS + NOTE_ROOM) {
      return line;
    }
    int end =
        Character.isHighSurrogate(line.charAt(MAX_LINE_CHARS - 1))
            ? MAX_LINE_CHARS - 1
            : MAX_LINE_CHARS;
    return line.substring(0, end) + " ... (line cut at " + MAX_LINE_CHARS + " characters)";
  }

  /**
   * {@code text} with every control character but tab (and the Unicode line and paragraph
   * separators) written as an escape, so one appended value is always exactly one line and cannot
   * move the cursor.
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
