package dev.cimanager.app.triggers;

import java.util.List;

/**
 * A Git provider's event, reduced to what triggers match on and what the run builds.
 *
 * @param name the event as the provider names it ({@code push}, {@code pull_request}; GitLab's
 *     {@code object_kind}: {@code push}, {@code tag_push}, {@code merge_request})
 * @param kind which trigger type takes it, or null when none does ({@code ignoredBecause} says why)
 * @param branch the pushed branch, or a pull request's source branch
 * @param targetBranch the pushed branch, or the branch a pull request merges into
 * @param prNumber the pull or merge request number
 * @param commitSha the commit to build
 * @param fetchRef the ref the commit is fetched from
 * @param changedFiles the paths the pushed commits added, modified or removed; null when the
 *     payload has none
 * @param sender who pushed or opened the pull request
 * @param action a pull request's action as triggers name it ({@code Open}, {@code Reopen}, {@code
 *     Synchronize}), else null
 */
public record WebhookEvent(
    String name,
    WebhookEventType kind,
    String ignoredBecause,
    String branch,
    String tag,
    String targetBranch,
    String prNumber,
    String commitSha,
    String fetchRef,
    List<String> changedFiles,
    String sender,
    String action) {

  /**
   * Longest {@code sender} kept: GitLab user names go up to 255 characters, GitHub logins to 39.
   */
  static final int MAX_SENDER_LENGTH = 255;

  public WebhookEvent {
    // the sender becomes the run's triggeredBy and the provenance's: one line of bounded, printable
    // text
    if (sender != null) {
      StringBuilder clean = new StringBuilder();
      sender
          .codePoints()
          .limit(MAX_SENDER_LENGTH)
          .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
      sender = clean.toString();
    }
  }

  /** A push to {@code branch}, which is also the branch triggers match as target. */
  static WebhookEvent branchPush(
      String name,
      String branch,
      String commitSha,
      String ref,
      List<String> changedFiles,
      String sender) {
    return new WebhookEvent(
        name,
        WebhookEventType.PUSH,
        null,
        branch,
        null,
        branch,
        null,
        commitSha,
        ref,
        changedFiles,
        sender,
        null);
  }

  static WebhookEvent tagPush(
      String name, String tag, String commitSha, String ref, String sender) {
    return new WebhookEvent(
        name,
        WebhookEventType.TAG,
        null,
        null,
        tag,
        null,
        null,
        commitSha,
        ref,
        null,
        sender,
        null);
  }

  /** A pull (merge) request from {@code source} into {@code target}, its head fetched by ref. */
  static WebhookEvent pullRequest(
      String name,
      String source,
      String target,
      String number,
      String headSha,
      String fetchRef,
      String sender,
      String action) {
    return new WebhookEvent(
        name,
        WebhookEventType.PULL_REQUEST,
        null,
        source,
        null,
        target,
        number,
        headSha,
        fetchRef,
        null,
        sender,
        action);
  }

  static WebhookEvent ignored(String name, String because) {
    return new WebhookEvent(
        name, null, because, null, null, null, null, null, null, null, null, null);
  }

  /** The value of condition key {@code key} for this event, null when it has none. */
  String value(String key) {
    return switch (key) {
      case "targetBranch" -> targetBranch;
      case "sourceBranch" -> branch;
      case "tag" -> tag;
      default -> null;
    };
  }
}
