package dev.cimanager.app.triggers;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A 5-field UNIX cron expression (minute hour day-of-month month day-of-week) in an IANA time zone,
 * with its due times. Immutable and thread-safe.
 */
public final class CronSchedule {

  /** Longer expressions are refused before parsing: nothing legitimate needs more. */
  static final int MAX_EXPRESSION_LENGTH = 200;

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime times;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
    this.expression = expression;
    this.zone = zone;
    this.times = times;
  }

  /**
   * @param timezone an IANA zone name such as {@code Europe/Berlin}, or {@code UTC}
   * @throws IllegalArgumentException with a sentence saying what is wrong with the expression
   */
  public static CronSchedule parse(String expression, String timezone) {
    return new CronSchedule(expression, zone(timezone), ExecutionTime.forCron(cron(expression)));
  }

  /**
   * @throws IllegalArgumentException saying what is wrong with the expression
   */
  static Cron cron(String expression) {
    Objects.requireNonNull(expression, "expression");
    if (expression.length() > MAX_EXPRESSION_LENGTH) {
      throw new IllegalArgumentException(
          "the cron expression is longer than " + MAX_EXPRESSION_LENGTH + " characters");
    }
    String[] fields = expression.trim().split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "'"
              + expression
              + "' has "
              + fields.length
              + " fields but a cron"
              + " expression has 5: minute hour day-of-month month day-of-week");
    }
    try {
      Cron cron = PARSER.parse(expression.trim());
      cron.validate();
      return cron;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + expression + "' is not a valid cron expression: " + e.getMessage(), e);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code timezone} is an IANA zone name
   */
  static ZoneId zone(String timezone) {
    if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
      throw new IllegalArgumentException(
          "'"
              + timezone
              + "' is not an IANA time zone name (e.g. UTC,"
              + " Europe/Berlin, America/New_York)");
    }
    return ZoneId.of(timezone);
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The latest due time at or before {@code now}, if any. */
  public Optional<Instant> lastDueAtOrBefore(Instant now) {
    ZonedDateTime at = now.atZone(zone);
    if (times.isMatch(at) && at.getSecond() == 0 && at.getNano() == 0) {
      return Optional.of(now);
    }
    return times.lastExecution(at).map(ZonedDateTime::toInstant);
  }

  /** The next {@code count} due times after {@code now}. */
  public List<Instant> nextDue(Instant now, int count) {
    List<Instant> due = new ArrayList<>();
    ZonedDateTime at = now.atZone(zone);
    for (int i = 0; i < count; i++) {
      Optional<ZonedDateTime> next = times.nextExecution(at);
      if (next.isEmpty()) {
        break;
      }
      at = next.get();
      due.add(at.toInstant());
    }
    return due;
  }
}
