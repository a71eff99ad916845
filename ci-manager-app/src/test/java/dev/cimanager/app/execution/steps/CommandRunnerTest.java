package dev.cimanager.app.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

  @Test
  void childEnvironment_keepsOnlyAllowlistedVariablesThenExtras() {
    Map<String, String> parent = Map.of(
        "PATH", "/usr/bin:/bin",
        "HOME", "/root",
        "LANG", "C.UTF-8",
        "CI_MANAGER_ADMIN_TOKEN", "admin-secret",
        "CI_MANAGER_MASTER_KEY", "master-secret",
        "AWS_SECRET_ACCESS_KEY", "aws-secret");

    Map<String, String> child = CommandRunner.childEnvironment(parent, Map.of("TMPDIR", "/data/tmp"));

    assertThat(child).containsExactlyInAnyOrderEntriesOf(Map.of(
        "PATH", "/usr/bin:/bin", "HOME", "/root", "LANG", "C.UTF-8", "TMPDIR", "/data/tmp"));
  }

  @Test
  void run_childSeesOnlyAllowlistedVariables() {
    CommandRunner runner = new CommandRunner(Duration.ofSeconds(30));

    List<String> output = runner.run("print the environment", List.of("env"), Path.of("."),
        Map.of("TMPDIR", "/tmp/step"), new StepLog(line -> line));

    assertThat(output).contains("TMPDIR=/tmp/step");
    assertThat(output).allSatisfy(line -> assertThat(line.substring(0, line.indexOf('=')))
        .isIn(CommandRunner.INHERITED_VARIABLES));
    assertThat(output).noneMatch(line -> line.startsWith("CI_MANAGER_"));
  }
}
