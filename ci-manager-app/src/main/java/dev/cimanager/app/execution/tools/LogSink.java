package dev.cimanager.app.execution.tools;

import java.util.ArrayList;
import java.util.List;

/** Where a {@link StepLog} puts its lines as they come, in order, each batch once. */
public interface LogSink {

  /** Stores {@code lines} as lines {@code firstLine, firstLine + 1, ...} (0-based) of the log. */
  void write(int firstLine, List<String> lines);

  /** Lines {@code from} (inclusive) to {@code to} (exclusive), all of which were written. */
  List<String> read(int from, int to);

  /**
   * A sink in memory, for logs no one reads back from storage (clone output, internal commands,
   * tests).
   */
  static LogSink inMemory() {
    List<String> lines = new ArrayList<>();
    return new LogSink() {
      @Override
      public synchronized void write(int firstLine, List<String> batch) {
        lines.addAll(batch);
      }

      @Override
      public synchronized List<String> read(int from, int to) {
        return List.copyOf(lines.subList(from, to));
      }
    };
  }
}
