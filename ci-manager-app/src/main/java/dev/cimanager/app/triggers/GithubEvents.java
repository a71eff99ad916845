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
 * GitHub's {@code push} and {@code pull_request} events (by {@code X-GitHub-Event}) as {@link
 * WebhookEvent}s; every other event (e.g. {@code ping}) is taken by no trigger.
 */
final class GithubEvents {

  /** Pull request actions that put new code up for building. */
  static final Set<String> PULL_REQUEST_ACTIONS = Set.of("opened", "synchronize", "reopened");

  private GithubEvents() {}

  /**
   * @throws InvalidPayloadException when a push or pull request lacks a field
   */
  static WebhookEvent parse(String event, JsonNode body) {
    return switch (event) {
      case "push" -> push(body);
      case "pull_request" -> pullRequest(body);
      default -> WebhookEvent.ignored(event, "GitHub event '" + event + "' starts no run");
    };
  }

  private static WebhookEvent push(JsonNode body) {
    String ref = text(body, "ref");
    if (body.path("deleted").asBoolean(false)
        || PayloadFields.ZERO_SHA.equals(optionalText(body, "after"))) {
      return WebhookEvent.ignored("push", ref + " was deleted");
    }
    String after = sha(body, "after");
    String sender = optionalText(body, "pusher.name");
    sender = sender != null ? sender : text(body, "sender.login");
    if (ref.startsWith("refs/heads/")) {
      String branch = refName("refs/heads/", ref.substring("refs/heads/".length()), "ref");
      return WebhookEvent.branchPush("push", branch, after, ref, changedFiles(body), sender);
    }
    if (ref.startsWith("refs/tags/")) {
      String tag = refName("refs/tags/", ref.substring("refs/tags/".length()), "ref");
      return WebhookEvent.tagPush("push", tag, after, ref, sender);
    }
    return WebhookEvent.ignored("push", "ref " + ref + " is neither a branch nor a tag");
  }

  private static WebhookEvent pullRequest(JsonNode body) {
    String action = text(body, "action");
    if (!PULL_REQUEST_ACTIONS.contains(action)) {
      return WebhookEvent.ignored(
          "pull_request",
          "pull request action '"
              + action
              + "' starts no run (only "
              + String.join(", ", PULL_REQUEST_ACTIONS.stream().sorted().toList())
              + ")");
    }
    String number = number(body, "number");
    String source =
        refName("refs/heads/", text(body, "pull_request.head.ref"), "pull_request.head.ref");
    String target =
        refName("refs/heads/", text(body, "pull_request.base.ref"), "pull_request.base.ref");
    String head = sha(body, "pull_request.head.sha");
    String sender = optionalText(body, "sender.login");
    sender = sender != null ? sender : text(body, "pull_request.user.login");
    return WebhookEvent.pullRequest(
        "pull_request",
        source,
        target,
        number,
        head,
        "refs/pull/" + number + "/head",
        sender,
        PullRequestActions.ofGithub(action));
  }
}
