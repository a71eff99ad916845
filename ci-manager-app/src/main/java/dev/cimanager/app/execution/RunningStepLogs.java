package dev.cimanager.app.execution;

import dev.cimanager.app.execution.tools.StepLog;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logs of steps running right now, so they can be read while they grow (stored when the step
 * ends).
 */
@Singleton
public final class RunningStepLogs {

  private final Map<String, StepLog> logs = new ConcurrentHashMap<>();

  void put(String executionId, String stageIdentifier, String stepIdentifier, StepLog log) {
    logs.put(key(executionId, stageIdentifier, stepIdentifier), log);
  }

  void remove(String executionId, String stageIdentifier, String stepIdentifier) {
    logs.remove(key(executionId, stageIdentifier, stepIdentifier));
  }

  Optional<StepLog> find(String executionId, String stageIdentifier, String stepIdentifier) {
    return Optional.ofNullable(logs.get(key(executionId, stageIdentifier, stepIdentifier)));
  }

  private static String key(String executionId, String stageIdentifier, String stepIdentifier) {
    return executionId + "/" + stageIdentifier + "/" + stepIdentifier;
  }
}
