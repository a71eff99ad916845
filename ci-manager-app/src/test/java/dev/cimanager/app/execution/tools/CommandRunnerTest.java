package dev.cimanager.app.execution.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

  @Test
  void childEnvironment_keepsOnlyAllowlistedVariablesThenExtras() {
    Map<String, String> parent =
        Map.of(
            "PATH", "/usr/bin:/bin",
            "HOME", "/root",
            "LANG", "C.UTF-8",
            "CI_MANAGER_ADMIN_TOKEN", "admin-secret",
            "CI_MANAGER_MASTER_KEY", "master-secret",
            "AWS_SECRET_ACCESS_KEY", "aws-secret");

    Map<String, String> child =
        CommandRunner.childEnvironment(parent, Map.of("TMPDIR", "/data/tmp"));

    assertThat(child)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PATH",
                "/usr/bin:/bin",
                "HOME",
                "/root",
                "LANG",
                "C.UTF-8",
                "TMPDIR",
                "/data/tmp"));
  }

  @Test
  void run_childSeesOnlyAllowlistedVariables() {
    CommandRunner runner = new CommandRunner(Duration.ofSeconds(30));

    List<String> output =
        runner.run(
            "print the environment",
            List.of("env"),
            Path.of("."),
            Map.of("TMPDIR", "/tmp/step"),
            new StepLog(line -> line));

    assertThat(output).contains("TMPDIR=/tmp/step");
    assertThat(output)
        .allSatisfy(
            line ->
                assertThat(line.substring(0, line.indexOf('=')))
                    .isIn(CommandRunner.INHERITED_VARIABLES));
    assertThat(output).noneMatch(line -> line.startsWith("CI_MANAGER_"));
  }

  @Test
  void run_hugeOutput_staysWithinTheLogLimitAndCutsEndlessLines() {
    CommandRunner runner = new CommandRunner(Duration.ofMinutes(1));
    RecordingSink sink = new RecordingSink();
    StepLog log = new StepLog(line -> line, null, sink, 1024 * 1024);

    // 300 MB without a newline, then 200 000 short lines: read whole, neither is kept whole
    List<String> output =
        runner.run(
            "print a lot",
            List.of("sh", "-c", "head -c 300000000 /dev/zero | tr '\\0' x; echo; seq 1 200000"),
            Path.of("."),
            Map.of(),
            log);
    log.close();

    assertThat(output).hasSizeLessThanOrEqualTo(CommandRunner.OUTPUT_LINES).endsWith("200000");
    assertThat(sink.bytes).isLessThanOrEqualTo(1024 * 1024 + 200);
    assertThat(sink.lines.get(1))
        .startsWith("x".repeat(StepLog.MAX_LINE_CHARS))
        .endsWith(" ... (" + (300_000_000 - StepLog.MAX_LINE_CHARS) + " more characters not kept)");
    assertThat(sink.lines.get(sink.lines.size() - 1)).startsWith("(log truncated: ");
  }

  private static final class RecordingSink implements LogSink {
    final List<String> lines = new java.util.ArrayList<>();
    long bytes;

    @Override
    public synchronized void write(int firstLine, List<String> batch) {
      lines.addAll(batch);
      batch.forEach(line -> bytes += line.length() + 1);
    }

    @Override
    public synchronized List<String> read(int from, int to) {
      return List.copyOf(lines.subList(from, to));
    }
  }
}
