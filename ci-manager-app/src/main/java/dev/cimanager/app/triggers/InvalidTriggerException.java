package dev.cimanager.app.triggers;

import dev.cimanager.app.pipelines.InvalidYamlException;
import dev.cimanager.app.pipelines.PipelineProblem;
import java.util.List;

/** The trigger YAML has problems; the message lists every one with its YAML path. */
public final class InvalidTriggerException extends InvalidYamlException {
  public InvalidTriggerException(List<PipelineProblem> problems) {
    super("trigger", problems);
  }
}
