package dev.cimanager.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The providers' documented payload shapes (the fixtures) read into events. */
class WebhookEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHA = "9c1e5d0c6a0b4f2e8d7a6b5c4d3e2f1a0b9c8d7e";

  private static JsonNode fixture(String name, Map<String, String> values) throws Exception {
    return JSON.readTree(WebhookFixtures.payload(name, values));
  }

  @Test
  void github_push_branchAndChangedFiles() throws Exception {
    WebhookEvent event =
        GithubEvents.parse(
            "push",
            fixture(
                "github-push.json",
                Map.of("BRANCH", "release/1.0", "SHA", SHA, "CHANGED", "src/App.java")));

    assertThat(event.kind()).isEqualTo(WebhookEventType.PUSH);
    assertThat(event.branch()).isEqualTo("release/1.0");
    assertThat(event.targetBranch()).isEqualTo("release/1.0");
    assertThat(event.commitSha()).isEqualTo(SHA);
    assertThat(event.fetchRef()).isEqualTo("refs/heads/release/1.0");
    assertThat(event.changedFiles()).containsExactly("docs/notes.md", "src/App.java");
    assertThat(event.sender()).isEqualTo("octocat");
  }

  @Test
  void senderFromThePayload_isOneBoundedLine() throws Exception {
    JsonNode body =
        JSON.readTree(
            "{\"ref\":\"refs/heads/main\",\"after\":\""
                + SHA
                + "\",\"pusher\":{\"name\":\""
                + "evil\\nINFO forged log line\\u0000"
                + "x".repeat(100_000)
                + "\"}}");

    String sender = GithubEvents.parse("push", body).sender();

    assertThat(sender)
        .startsWith("evil?INFO forged log line?xxx")
        .hasSize(WebhookEvent.MAX_SENDER_LENGTH);
  }

  @Test
  void github_tagPushAndPullRequest() throws Exception {
    WebhookEvent tag =
        GithubEvents.parse(
            "push", fixture("github-push-tag.json", Map.of("TAG", "v2.0", "SHA", SHA)));
    WebhookEvent pr =
        GithubEvents.parse(
            "pull_request",
            fixture(
                "github-pull-request.json",
                Map.of("ACTION", "reopened", "NUMBER", "42", "SOURCE", "feature/x", "SHA", SHA)));
    WebhookEvent closed =
        GithubEvents.parse(
            "pull_request",
            fixture(
                "github-pull-request.json",
                Map.of("ACTION", "closed", "NUMBER", "42", "SOURCE", "feature/x", "SHA", SHA)));

    assertThat(tag.kind()).isEqualTo(WebhookEventType.TAG);
    assertThat(tag.tag()).isEqualTo("v2.0");
    assertThat(tag.branch()).isNull();
    assertThat(pr.kind()).isEqualTo(WebhookEventType.PULL_REQUEST);
    assertThat(pr.prNumber()).isEqualTo("42");
    assertThat(pr.branch()).isEqualTo("feature/x");
    assertThat(pr.targetBranch()).isEqualTo("main");
    assertThat(pr.fetchRef()).isEqualTo("refs/pull/42/head");
    assertThat(pr.sender()).isEqualTo("contributor");
    assertThat(closed.kind()).isNull();
    assertThat(closed.ignoredBecause()).contains("closed");
  }

  @Test
  void github_deletedBranchAndOtherEvents_areIgnored() throws Exception {
    WebhookEvent deleted =
        GithubEvents.parse(
            "push",
            fixture(
                "github-push.json",
                Map.of("BRANCH", "old", "SHA", "0".repeat(40), "CHANGED", "x")));
    WebhookEvent issues = GithubEvents.parse("issues", JSON.readTree("{}"));

    assertThat(deleted.kind()).isNull();
    assertThat(deleted.ignoredBecause()).contains("deleted");
    assertThat(issues.kind()).isNull();
  }

  @Test
  void github_missingOrBadFields_nameTheField() {
    assertThatThrownBy(
            () -> GithubEvents.parse("push", JSON.readTree("{\"ref\":\"refs/heads/main\"}")))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("after");
    assertThatThrownBy(
            () ->
                GithubEvents.parse(
                    "push",
                    JSON.readTree(
                        "{\"ref\":\"refs/heads/main\",\"after\":\"xyz\",\"pusher\":{\"name\":\"a\"}}")))
        .hasMessageContaining("40-hex");
    assertThatThrownBy(
            () ->
                GithubEvents.parse(
                    "pull_request", JSON.readTree("{\"action\":\"opened\",\"number\":-1}")))
        .hasMessageContaining("number");
  }

  @Test
  void gitlab_pushTagAndMergeRequest() throws Exception {
    WebhookEvent push =
        GitlabEvents.parse(
            "Push Hook",
            fixture(
                "gitlab-push.json",
                Map.of("BRANCH", "main", "SHA", SHA, "CHANGED", "src/App.java")));
    WebhookEvent tag =
        GitlabEvents.parse(
            "Tag Push Hook", fixture("gitlab-tag-push.json", Map.of("TAG", "v1.0", "SHA", SHA)));
    WebhookEvent mr =
        GitlabEvents.parse(
            "Merge Request Hook",
            fixture(
                "gitlab-merge-request.json",
                Map.of("ACTION", "open", "NUMBER", "5", "SOURCE", "feature", "SHA", SHA)));
    WebhookEvent updateWithoutCommits =
        GitlabEvents.parse(
            "Merge Request Hook",
            fixture(
                "gitlab-merge-request.json",
                Map.of("ACTION", "update", "NUMBER", "5", "SOURCE", "feature", "SHA", SHA)));

    assertThat(push.kind()).isEqualTo(WebhookEventType.PUSH);
    assertThat(push.sender()).isEqualTo("jsmith");
    assertThat(push.changedFiles()).containsExactly("src/App.java");
    assertThat(tag.kind()).isEqualTo(WebhookEventType.TAG);
    assertThat(tag.name()).isEqualTo("tag_push");
    assertThat(mr.kind()).isEqualTo(WebhookEventType.PULL_REQUEST);
    assertThat(mr.fetchRef()).isEqualTo("refs/merge-requests/5/head");
    assertThat(mr.sender()).isEqualTo("root");
    assertThat(updateWithoutCommits.kind()).isNull();
  }

  @Test
  void signatures_githubHmacAndGitlabToken() {
    byte[] body = "{\"zen\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
    String signature = WebhookFixtures.githubSignature("s3cret", body);

    assertThat(WebhookSignatures.githubValid(signature, body, secret)).isTrue();
    assertThat(
            WebhookSignatures.githubValid(
                signature.toUpperCase().replace("SHA256=", "sha256="), body, secret))
        .isTrue();
    assertThat(
            WebhookSignatures.githubValid(signature, "{}".getBytes(StandardCharsets.UTF_8), secret))
        .isFalse();
    assertThat(WebhookSignatures.githubValid(signature.substring(0, 20), body, secret)).isFalse();
    assertThat(WebhookSignatures.githubValid("sha1=" + signature.substring(7), body, secret))
        .isFalse();
    assertThat(WebhookSignatures.githubValid(null, body, secret)).isFalse();
    assertThat(WebhookSignatures.gitlabValid("s3cret", secret)).isTrue();
    assertThat(WebhookSignatures.gitlabValid("s3cret ", secret)).isFalse();
    assertThat(WebhookSignatures.gitlabValid(null, secret)).isFalse();
  }
}
