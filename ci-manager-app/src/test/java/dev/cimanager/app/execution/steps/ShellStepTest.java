package dev.cimanager.app.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.app.pipelines.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellStepTest {

  @TempDir
  Path workspace;

  private final StepLog log = new StepLog(line -> line.replace("hunter2", "**************"));

  @Test
  void run_inWorkspace_logsMaskedOutput() throws Exception {
    Files.writeString(workspace.resolve("f.txt"), "content\n");

    new ShellStep(Duration.ofMinutes(1)).run(
        new RunSpec(RunSpec.Shell.SH, "cat f.txt; echo token=hunter2 >&2"), workspace, log);

    assertThat(log.lines()).containsExactly("$ sh -c cat f.txt; echo token=************** >&2", "content",
        "token=**************");
  }

  @Test
  void run_failingCommand_quotesLastLines() {
    assertThatThrownBy(() -> new ShellStep(Duration.ofMinutes(1)).run(
        new RunSpec(RunSpec.Shell.BASH, "echo compiling; echo 'error: boom'; exit 3"), workspace, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessage("tried to run the command but bash exited with 3; last log lines:\n"
            + "$ bash -c echo compiling; echo 'error: boom'; exit 3\ncompiling\nerror: boom");
  }

  @Test
  void run_timeout_killsTheCommand() {
    assertThatThrownBy(() -> new ShellStep(Duration.ofMillis(300)).run(
        new RunSpec(RunSpec.Shell.SH, "echo started; sleep 30"), workspace, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith("tried to run the command but it did not finish within 300 ms; last log lines:\n"
            + "$ sh -c echo started; sleep 30\nstarted");
  }
}
