package dev.cimanager.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  @Test
  void lastDue_atExactlyTheDueTime_isThatTime() {
    CronSchedule hourly = CronSchedule.parse("0 * * * *", "UTC");

    assertThat(hourly.lastDueAtOrBefore(Instant.parse("2026-01-01T10:00:00Z")))
        .contains(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(hourly.lastDueAtOrBefore(Instant.parse("2026-01-01T10:59:59.999Z")))
        .contains(Instant.parse("2026-01-01T10:00:00Z"));
  }

  @Test
  void nextDue_inTheZone_acrossDaylightSavingTime() {
    CronSchedule berlin = CronSchedule.parse("0 3 * * *", "Europe/Berlin");

    // Berlin leaves summer time on 2026-10-25: 03:00 is 01:00Z before, 02:00Z after
    assertThat(berlin.nextDue(Instant.parse("2026-10-24T00:00:00Z"), 3))
        .containsExactly(
            Instant.parse("2026-10-24T01:00:00Z"),
            Instant.parse("2026-10-25T02:00:00Z"),
            Instant.parse("2026-10-26T02:00:00Z"));
  }

  @Test
  void parse_refusesBadExpressionsAndZones() {
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", "UTC")).hasMessageContaining("61");
    assertThatThrownBy(() -> CronSchedule.parse("* * * *", "UTC"))
        .hasMessageContaining("has 4 fields");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * * * *", "UTC"))
        .hasMessageContaining("has 6 fields");
    assertThatThrownBy(() -> CronSchedule.parse("0 3 * * *", "CEST")).hasMessageContaining("IANA");
    assertThatThrownBy(() -> CronSchedule.parse("0 3 * * *", "+02:00"))
        .hasMessageContaining("IANA");
  }
}
