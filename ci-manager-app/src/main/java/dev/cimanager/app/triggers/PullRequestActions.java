package dev.cimanager.app.triggers;

import java.util.List;
import java.util.Map;

/**
 * The pull request actions a {@code PullRequest} trigger may list in {@code actions} (Harness'
 * names), and the providers' actions they stand for. A trigger without {@code actions} takes all
 * three.
 */
final class PullRequestActions {

  static final String OPEN = "Open";
  static final String REOPEN = "Reopen";
  static final String SYNCHRONIZE = "Synchronize";
  static final List<String> ALL = List.of(OPEN, REOPEN, SYNCHRONIZE);

  /** Harness' GitLab names for new commits on a merge request. */
  static final Map<String, String> ALIASES = Map.of("Update", SYNCHRONIZE, "Sync", SYNCHRONIZE);

  private PullRequestActions() {}

  /** A YAML action name as one of {@link #ALL}, or null when it names none of them. */
  static String ofYaml(String name) {
    return ALL.contains(name) ? name : ALIASES.get(name);
  }

  static String ofGithub(String action) {
    return switch (action) {
      case "opened" -> OPEN;
      case "reopened" -> REOPEN;
      case "synchronize" -> SYNCHRONIZE;
      default -> null;
    };
  }

  static String ofGitlab(String action) {
    return switch (action) {
      case "open" -> OPEN;
      case "reopen" -> REOPEN;
      case "update" -> SYNCHRONIZE;
      default -> null;
    };
  }
}
