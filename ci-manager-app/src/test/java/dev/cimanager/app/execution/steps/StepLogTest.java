package dev.cimanager.app.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.secrets.ResolvedSecretsForTests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLogTest {

  @Test
  void append_masksBeforeKeeping() {
    StepLog log = new StepLog(line -> line.replace("pw", "**************"));

    String kept = log.append("password is pw");
    log.append("second");
    log.append("third");

    assertThat(kept).isEqualTo("password is **************");
    assertThat(log.tail(2)).containsExactly("second", "third");
    assertThat(log.text()).isEqualTo("password is **************\nsecond\nthird\n");
  }

  @Test
  void append_controlCharactersCannotForgeLinesOrMoveTheCursor() {
    StepLog log = new StepLog(line -> line);

    String kept = log.append("--build-arg X=a\nStep failed: forged\r\u001b[2K\u0085\u2028end\tok");

    assertThat(kept).isEqualTo("--build-arg X=a\\nStep failed: forged\\r\\x1b[2K\\x85\\u2028end\tok");
    assertThat(log.lines()).hasSize(1);
    assertThat(log.text()).hasLineCount(1).doesNotContain("\r", "\u001b");
  }

  @Test
  void hide_masksTheValueInLaterLines_withoutARun() {
    StepLog log = new StepLog(line -> line);
    log.append("before s3cret-value");

    log.hide(ResolvedSecretsForTests.text("account.pw", "s3cret-value"));
    log.append("after s3cret-value");

    assertThat(log.lines()).containsExactly("before s3cret-value", "after **************");
  }

  @Test
  void hide_inARun_reachesTheRunsMask() {
    List<String> hidden = new ArrayList<>();
    StepLog log = new StepLog(line -> line, secret -> hidden.add(secret.valueAsString()));

    log.hide(ResolvedSecretsForTests.text("account.pw", "s3cret-value"));

    assertThat(hidden).containsExactly("s3cret-value");
  }

  @Test
  void credentials_toStringHidesPassword() {
    assertThat(new Credentials("ci", "s3cret").toString()).doesNotContain("s3cret").contains("ci");
  }
}
