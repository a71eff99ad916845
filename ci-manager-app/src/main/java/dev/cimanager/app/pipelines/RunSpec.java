package dev.cimanager.app.pipelines;

import java.util.Objects;

/**
 * {@code Run}: a shell command run in the workspace (no container: the runner's own shell).
 *
 * @param shell {@code Sh} or {@code Bash}
 */
public record RunSpec(Shell shell, String command) implements StepSpec {

  public static final String TYPE = "Run";

  public enum Shell {
    SH("Sh", "sh"),
    BASH("Bash", "bash");

    private final String yamlName;
    private final String executable;

    Shell(String yamlName, String executable) {
      this.yamlName = yamlName;
      this.executable = executable;
    }

    public String yamlName() {
      return yamlName;
    }

    public String executable() {
      return executable;
    }
  }

  public RunSpec {
    Objects.requireNonNull(shell, "shell");
    Objects.requireNonNull(command, "command");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
