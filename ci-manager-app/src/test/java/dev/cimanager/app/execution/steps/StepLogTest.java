package dev.cimanager.app.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;

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
  void credentials_toStringHidesPassword() {
    assertThat(new Credentials("ci", "s3cret").toString()).doesNotContain("s3cret").contains("ci");
  }
}
