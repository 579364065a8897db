package io.mcumgr4j.simulator.os;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.MgmtException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * The datetime text of the OS group's command 4 as Zephyr's {@code os_mgmt.c} writes and reads it
 * (without {@code CONFIG_MCUMGR_GRP_OS_DATETIME_MS}, which Zephyr leaves off by default).
 */
final class ZephyrDateTime {

  /** Zephyr's {@code RTC_DATETIME_MIN_STRING_SIZE}. */
  private static final int MIN_LENGTH = 19;
  /** One less than Zephyr's {@code RTC_DATETIME_MAX_STRING_SIZE} (26): it rejects {@code len >= 26}. */
  private static final int MAX_LENGTH = 25;
  /** Zephyr's field bounds: year, month, day, hour, minute, second. */
  private static final int[][] BOUNDS = {{1900, 11899}, {1, 12}, {1, 31}, {0, 23}, {0, 59}, {0, 59}};
  /** Beyond every bound, small enough that accumulating digits cannot overflow. */
  private static final long TOO_LARGE = 1_000_000L;

  private ZephyrDateTime() {}

  /**
   * {@code time} as Zephyr's {@code "%4d-%02d-%02dT%02d:%02d:%02d"}: no zone, no fraction; a
   * five-digit year is written whole.
   */
  static String format(LocalDateTime time) {
    return String.format(Locale.ROOT, "%4d-%02d-%02dT%02d:%02d:%02d", time.getYear(),
        time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
  }

  /**
   * Parses what Zephyr's datetime set accepts: 19 to 25 bytes (UTF-8), then six decimal fields
   * (year, month, day, hour, minute, second) each read as C's {@code strtol} reads it (leading
   * white space and a sign allowed) and each followed by exactly one separator byte of any value;
   * whatever follows the seconds is ignored, as Zephyr does when built without milliseconds (a
   * {@code .mmm} or a zone is accepted and dropped). Zephyr then hands the fields to the RTC driver;
   * a simulated RTC holds a real date, so a day past the month's end (February 30) is refused here.
   *
   * @throws MgmtException {@code EINVAL} for anything else
   */
  static LocalDateTime parse(String text) {
    byte[] s = text.getBytes(StandardCharsets.UTF_8);
    if (s.length < MIN_LENGTH || s.length > MAX_LENGTH) {
      throw invalid("datetime must be 19..25 bytes long");
    }
    int[] fields = new int[BOUNDS.length];
    int pos = 0;
    for (int i = 0; i < BOUNDS.length; i++) {
      if (pos >= s.length) {
        throw invalid("datetime ends before its " + (i + 1) + ". field");
      }
      int p = pos;
      while (p < s.length && isSpace(s[p])) {
        p++;
      }
      boolean negative = p < s.length && s[p] == '-';
      if (p < s.length && (s[p] == '-' || s[p] == '+')) {
        p++;
      }
      int digitsStart = p;
      long value = 0;
      while (p < s.length && s[p] >= '0' && s[p] <= '9') {
        value = Math.min(value * 10 + (s[p] - '0'), TOO_LARGE);
        p++;
      }
      if (p == digitsStart) {
        throw invalid("datetime field " + (i + 1) + " is not a number");
      }
      value = negative ? -value : value;
      if (value < BOUNDS[i][0] || value > BOUNDS[i][1]) {
        throw invalid("datetime field " + (i + 1) + " is out of range");
      }
      fields[i] = (int) value;
      // Zephyr skips one byte after every field without looking at it.
      pos = p + 1;
    }
    try {
      return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    } catch (DateTimeException e) {
      throw invalid("datetime is not a calendar date");
    }
  }

  /** C's {@code isspace} in the "C" locale. */
  private static boolean isSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  private static MgmtException invalid(String reason) {
    return new MgmtException(MgmtErr.EINVAL, reason);
  }
}
