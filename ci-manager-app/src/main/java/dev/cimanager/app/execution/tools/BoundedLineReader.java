package dev.cimanager.app.execution.tools;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (ended by {@code \n}, {@code \r\n} or {@code \r}) keeping at most {@code maxChars} of
 * each: the rest of a longer line is skipped and the kept part ends with a note. Unlike {@link
 * java.io.BufferedReader#readLine()}, a process printing gigabytes without a newline costs no more
 * memory than one short line.
 */
final class BoundedLineReader {

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean afterCarriageReturn;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its end, or null at the end of the stream. */
  String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    long skipped = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? finish(line, skipped) : null;
        }
      }
      char c = buffer[position++];
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (c == '\n') {
          continue;
        }
      }
      if (c == '\n' || c == '\r') {
        afterCarriageReturn = c == '\r';
        return finish(line, skipped);
      }
      any = true;
      if (line.length() < maxChars) {
        line.append(c);
      } else {
        skipped++;
      }
    }
  }

  private static String finish(StringBuilder line, long skipped) {
    return skipped == 0
        ? line.toString()
        : line + " ... (" + skipped + " more characters not kept)";
  }
}
