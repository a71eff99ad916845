package dev.cimanager.app.triggers;

import static dev.cimanager.app.triggers.PayloadFields.changedFiles;
import static dev.cimanager.app.triggers.PayloadFields.number;
import static dev.cimanager.app.triggers.PayloadFields.optionalText;
import static dev.cimanager.app.triggers.PayloadFields.refName;
import static dev.cimanager.app.triggers.PayloadFields.sha;
import static dev.cimanager.app.triggers.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * GitLab's {@code Push Hook}, {@code Tag Push Hook} and {@code Merge Request Hook} (by {@code
 * X-Gitlab-Event}) as {@link WebhookEvent}s named by GitLab's {@code object_kind}; every other
 * event is taken by no trigger.
 */
final class GitlabEvents {

  /**
   * Merge request actions that put new code up for building ({@code update} only with new commits).
   */
  static final Set<String> MERGE_REQUEST_ACTIONS = Set.of("open", "reopen", "update");

  private GitlabEvents() {}

  /**
   * @throws InvalidPayloadException when a push, tag push or merge request lacks a field
   */
  static WebhookEvent parse(String event, JsonNode body) {
    return switch (event) {
      case "Push Hook" -> push(body);
      case "Tag Push Hook" -> tagPush(body);
      case "Merge Request Hook" -> mergeRequest(body);
      default -> WebhookEvent.ignored(event, "GitLab event '" + event + "' starts no run");
    };
  }

  private static WebhookEvent push(JsonNode body) {
    String ref = text(body, "ref");
    if (PayloadFields.ZERO_SHA.equals(optionalText(body, "after"))) {
      return WebhookEvent.ignored("push", ref + " was deleted");
    }
    if (!ref.startsWith("refs/heads/")) {
      return WebhookEvent.ignored("push", "ref " + ref + " is not a branch");
    }
    String branch = refName("refs/heads/", ref.substring("refs/heads/".length()), "ref");
    String commit =
        optionalText(body, "checkout_sha") != null ? sha(body, "checkout_sha") : sha(body, "after");
    return WebhookEvent.branchPush("push", branch, commit, ref, changedFiles(body), sender(body));
  }

  private static WebhookEvent tagPush(JsonNode body) {
    String ref = text(body, "ref");
    if (PayloadFields.ZERO_SHA.equals(optionalText(body, "after"))) {
      return WebhookEvent.ignored("tag_push", ref + " was deleted");
    }
    if (!ref.startsWith("refs/tags/")) {
      return WebhookEvent.ignored("tag_push", "ref " + ref + " is not a tag");
    }
    String tag = refName("refs/tags/", ref.substring("refs/tags/".length()), "ref");
    // checkout_sha is the tagged commit; after may be an annotated tag's own object
    String commit =
        optionalText(body, "checkout_sha") != null ? sha(body, "checkout_sha") : sha(body, "after");
    return WebhookEvent.tagPush("tag_push", tag, commit, ref, sender(body));
  }

  private static WebhookEvent mergeRequest(JsonNode body) {
    String action = text(body, "object_attributes.action");
    if (!MERGE_REQUEST_ACTIONS.contains(action)) {
      return WebhookEvent.ignored(
          "merge_request", "merge request action '" + action + "' starts no run");
    }
    if (action.equals("update") && optionalText(body, "object_attributes.oldrev") == null) {
      return WebhookEvent.ignored(
          "merge_request", "the merge request update brought no new commits");
    }
    String iid = number(body, "object_attributes.iid");
    String source =
        refName(
            "refs/heads/",
            text(body, "object_attributes.source_branch"),
            "object_attributes.source_branch");
    String target =
        refName(
            "refs/heads/",
            text(body, "object_attributes.target_branch"),
            "object_attributes.target_branch");
    String head = sha(body, "object_attributes.last_commit.id");
    String sender = optionalText(body, "user.username");
    sender = sender != null ? sender : text(body, "user.name");
    return WebhookEvent.pullRequest(
        "merge_request",
        source,
        target,
        iid,
        head,
        "refs/merge-requests/" + iid + "/head",
        sender,
        PullRequestActions.ofGitlab(action));
  }

  private static String sender(JsonNode body) {
    String username = optionalText(body, "user_username");
    return username != null ? username : text(body, "user_name");
  }
}
