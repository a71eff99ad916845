package dev.cimanager.app.execution.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.app.pipelines.Codebase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitClonerTest {

  private static final Instant FIRST_COMMIT = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant SECOND_COMMIT = Instant.parse("2024-03-02T11:30:00Z");

  @TempDir static Path origin;

  private static String url;
  private static RevCommit first;
  private static RevCommit second;

  @TempDir Path workspace;

  private final GitCloner cloner = new GitCloner(Duration.ofSeconds(30));
  private final StepLog log = new StepLog(line -> line);

  @BeforeAll
  static void createOrigin() throws Exception {
    try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
      Files.writeString(origin.resolve("hello.txt"), "v1\n");
      git.add().addFilepattern("hello.txt").call();
      first =
          git.commit()
              .setMessage("first")
              .setAuthor(ident(FIRST_COMMIT))
              .setCommitter(ident(FIRST_COMMIT))
              .call();
      git.tag()
          .setName("v1.0")
          .setAnnotated(true)
          .setMessage("release")
          .setTagger(ident(SECOND_COMMIT))
          .call();
      Files.writeString(origin.resolve("hello.txt"), "v2\n");
      git.add().addFilepattern("hello.txt").call();
      second =
          git.commit()
              .setMessage("second")
              .setAuthor(ident(SECOND_COMMIT))
              .setCommitter(ident(SECOND_COMMIT))
              .call();
    }
    url = origin.toUri().toString();
  }

  private static PersonIdent ident(Instant when) {
    return new PersonIdent("Dev", "dev@example.com", Date.from(when), TimeZone.getTimeZone("UTC"));
  }

  @Test
  void cloneInto_branch() throws Exception {
    ClonedSource cloned =
        cloner.cloneInto(
            new GitSource(url, Codebase.BuildType.BRANCH, "main", null), workspace, log);

    assertThat(cloned).isEqualTo(new ClonedSource(url, "main", null, second.name(), SECOND_COMMIT));
    assertThat(Files.readString(workspace.resolve("hello.txt"))).isEqualTo("v2\n");
    assertThat(log.text()).contains("Checked out " + second.name());
  }

  @Test
  void cloneInto_annotatedTagPeeledToItsCommit() throws Exception {
    ClonedSource cloned =
        cloner.cloneInto(new GitSource(url, Codebase.BuildType.TAG, "v1.0", null), workspace, log);

    assertThat(cloned).isEqualTo(new ClonedSource(url, null, "v1.0", first.name(), FIRST_COMMIT));
    assertThat(Files.readString(workspace.resolve("hello.txt"))).isEqualTo("v1\n");
  }

  @Test
  void cloneInto_pinnedCommit_checksOutTheEarlierCommitOfTheBranch() throws Exception {
    ClonedSource cloned =
        cloner.cloneInto(
            new GitSource(url, Codebase.BuildType.BRANCH, "main", null),
            workspace,
            log,
            first.name());

    assertThat(cloned.commitSha()).isEqualTo(first.name());
    assertThat(cloned.branch()).isEqualTo("main");
    assertThat(Files.readString(workspace.resolve("hello.txt"))).isEqualTo("v1\n");
  }

  @Test
  void cloneInto_pinnedCommitNotInTheBranch_failsNamingIt() {
    String elsewhere = "0123456789abcdef0123456789abcdef01234567";
    assertThatThrownBy(
            () ->
                cloner.cloneInto(
                    new GitSource(url, Codebase.BuildType.BRANCH, "main", null),
                    workspace,
                    log,
                    elsewhere))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining(elsewhere)
        .hasMessageContaining("no longer contains it");
  }

  @Test
  void cloneInto_missingBranch() {
    assertThatThrownBy(
            () ->
                cloner.cloneInto(
                    new GitSource(url, Codebase.BuildType.BRANCH, "develop", null), workspace, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "tried to clone branch 'develop' of "
                + url
                + " but the repository has no branch 'develop'");
  }

  @Test
  void cloneInto_missingTag() {
    assertThatThrownBy(
            () ->
                cloner.cloneInto(
                    new GitSource(url, Codebase.BuildType.TAG, "v9", null), workspace, log))
        .hasMessage("tried to clone tag 'v9' of " + url + " but the repository has no tag 'v9'");
  }

  @Test
  void cloneInto_missingRepository() {
    String missing = origin.resolveSibling("no-such-repo").toUri().toString();

    assertThatThrownBy(
            () ->
                cloner.cloneInto(
                    new GitSource(missing, Codebase.BuildType.BRANCH, "main", null),
                    workspace,
                    log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith(
            "tried to clone branch 'main' of "
                + missing
                + " but failed because the repository was not found (");
  }

  @Test
  void cloneInto_workspaceNotEmpty() throws Exception {
    Files.writeString(workspace.resolve("leftover.txt"), "x");

    assertThatThrownBy(
            () ->
                cloner.cloneInto(
                    new GitSource(url, Codebase.BuildType.BRANCH, "main", null), workspace, log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageStartingWith(
            "tried to clone branch 'main' of "
                + url
                + " into "
                + workspace
                + " but failed because ")
        .hasMessageContaining("not an empty directory");
  }

  @Test
  void withoutUserInfo_removesCredentialsFromUrl() {
    assertThat(GitCloner.withoutUserInfo("https://ci:s3cret@git.example.com:8443/app.git"))
        .isEqualTo("https://git.example.com:8443/app.git");
    assertThat(GitCloner.withoutUserInfo("file:///srv/git/app.git"))
        .isEqualTo("file:///srv/git/app.git");
  }
}
