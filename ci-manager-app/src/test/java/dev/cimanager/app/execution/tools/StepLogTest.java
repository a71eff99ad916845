package dev.cimanager.app.execution.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.secrets.ResolvedSecretsForTests;
import dev.cimanager.ssca.spi.Credentials;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLogTest {

  @Test
  void append_masksBeforeKeeping() {
    StepLog log = new StepLog(line -> line.replace("pw", "**************"));

    String kept = log.append("password is pw");
    log.append("second");
    log.append("third");

    assertThat(kept).isEqualTo("password is **************");
    assertThat(log.tail(2)).containsExactly("second", "third");
    assertThat(log.text()).isEqualTo("password is **************\nsecond\nthird\n");
  }

  @Test
  void append_controlCharactersCannotForgeLinesOrMoveTheCursor() {
    StepLog log = new StepLog(line -> line);

    String kept = log.append("--build-arg X=a\nStep failed: forged\r\u001b[2K\u0085\u2028end\tok");

    assertThat(kept)
        .isEqualTo("--build-arg X=a\\nStep failed: forged\\r\\x1b[2K\\x85\\u2028end\tok");
    assertThat(log.lines()).hasSize(1);
    assertThat(log.text()).hasLineCount(1).doesNotContain("\r", "\u001b");
  }

  @Test
  void hide_masksTheValueInLaterLines_withoutARun() {
    StepLog log = new StepLog(line -> line);
    log.append("before s3cret-value");

    log.hide(ResolvedSecretsForTests.text("account.pw", "s3cret-value"));
    log.append("after s3cret-value");

    assertThat(log.lines()).containsExactly("before s3cret-value", "after **************");
  }

  @Test
  void hide_inARun_reachesTheRunsMask() {
    List<String> hidden = new ArrayList<>();
    StepLog log = new StepLog(line -> line, secret -> hidden.add(secret.valueAsString()));

    log.hide(ResolvedSecretsForTests.text("account.pw", "s3cret-value"));

    assertThat(hidden).containsExactly("s3cret-value");
  }

  @Test
  void append_streamsBatchesToTheSink_keepingOnlyABoundedTailInMemory() {
    RecordingSink sink = new RecordingSink();
    StepLog log = new StepLog(line -> line, null, sink, StepLog.DEFAULT_MAX_BYTES);

    for (int i = 0; i < 10_000; i++) {
      log.append("line " + i);
    }

    assertThat(sink.lines).hasSizeGreaterThan(10_000 - StepLog.BATCH_LINES);
    assertThat(sink.writes).isGreaterThanOrEqualTo(10_000 / StepLog.BATCH_LINES - 1);
    assertThat(log.tail(1000)).hasSize(StepLog.TAIL_LINES).endsWith("line 9999");
    assertThat(log.from(9_998))
        .isEqualTo(new StepLog.Slice(List.of("line 9998", "line 9999"), 10_000));
    assertThat(log.from(20_000)).isEqualTo(new StepLog.Slice(List.of(), 20_000));
    log.close();
    assertThat(sink.lines).hasSize(10_000).endsWith("line 9999");
    assertThat(log.text()).startsWith("line 0\nline 1\n").endsWith("line 9999\n");
  }

  @Test
  void append_pastTheLimit_endsWithOneTruncationLine() {
    RecordingSink sink = new RecordingSink();
    StepLog log = new StepLog(line -> line, null, sink, 100);

    for (int i = 0; i < 50; i++) {
      log.append("0123456789");
    }
    log.close();

    assertThat(sink.lines).hasSize(10);
    assertThat(sink.lines.subList(0, 9)).containsOnly("0123456789");
    assertThat(sink.lines.get(9))
        .isEqualTo(
            "(log truncated: this step's log reached its limit of 100 bytes; later lines are not stored)");
    assertThat(log.tail(1)).containsExactly("0123456789");
  }

  @Test
  void append_longLineIsCut() {
    StepLog log = new StepLog(line -> line);

    String kept = log.append("x".repeat(StepLog.MAX_LINE_CHARS * 3));
    String justOver = log.append("y".repeat(StepLog.MAX_LINE_CHARS + 1));

    assertThat(kept)
        .startsWith("x".repeat(StepLog.MAX_LINE_CHARS))
        .endsWith(" ... (line cut at " + StepLog.MAX_LINE_CHARS + " characters)")
        .hasSizeLessThan(8300);
    // room for the note of a line the process reader already cut
    assertThat(justOver).hasSize(StepLog.MAX_LINE_CHARS + 1);
  }

  @Test
  void append_sinkFailure_dropsTheBatchAndNamesTheGapLater() {
    RecordingSink sink = new RecordingSink();
    StepLog log = new StepLog(line -> line, null, sink, StepLog.DEFAULT_MAX_BYTES);
    sink.failing = true;
    log.append("lost");
    log.close();
    sink.failing = false;

    log.append("kept");
    log.close();

    assertThat(sink.lines).containsExactly("(1 earlier log lines could not be stored)", "kept");
  }

  @Test
  void boundedLineReader_cutsLongLinesAndSplitsOnEveryLineEnd() throws Exception {
    BoundedLineReader reader =
        new BoundedLineReader(
            new java.io.StringReader("a\r\nb\rc\n" + "y".repeat(20_000) + "\nlast"), 10);

    assertThat(reader.readLine()).isEqualTo("a");
    assertThat(reader.readLine()).isEqualTo("b");
    assertThat(reader.readLine()).isEqualTo("c");
    assertThat(reader.readLine()).isEqualTo("yyyyyyyyyy ... (19990 more characters not kept)");
    assertThat(reader.readLine()).isEqualTo("last");
    assertThat(reader.readLine()).isNull();
  }

  /** Keeps what was written, checking that batches come in order. */
  private static final class RecordingSink implements LogSink {
    final List<String> lines = new ArrayList<>();
    int writes;
    volatile boolean failing;

    @Override
    public synchronized void write(int firstLine, List<String> batch) {
      if (failing) {
        throw new IllegalStateException("storage down");
      }
      assertThat(firstLine).isEqualTo(lines.size());
      lines.addAll(batch);
      writes++;
    }

    @Override
    public synchronized List<String> read(int from, int to) {
      return List.copyOf(lines.subList(from, to));
    }
  }

  @Test
  void credentials_toStringHidesPassword() {
    assertThat(new Credentials("ci", "s3cret").toString()).doesNotContain("s3cret").contains("ci");
  }
}
