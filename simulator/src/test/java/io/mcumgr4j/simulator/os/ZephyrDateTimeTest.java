package io.mcumgr4j.simulator.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.error.MgmtException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The datetime text as Zephyr's {@code os_mgmt.c} writes and parses it. */
class ZephyrDateTimeTest {

  @Test
  void formatIsZephyrsPrintfFormat() {
    assertThat(ZephyrDateTime.format(LocalDateTime.of(2026, 6, 3, 22, 19, 37, 999_000_000)))
        .isEqualTo("2026-06-03T22:19:37");
    assertThat(ZephyrDateTime.format(LocalDateTime.of(1900, 1, 1, 0, 0)))
        .isEqualTo("1900-01-01T00:00:00");
    // %4d writes a fifth digit whole, without the sign DateTimeFormatter would add.
    assertThat(ZephyrDateTime.format(LocalDateTime.of(11899, 12, 31, 23, 59, 59)))
        .isEqualTo("11899-12-31T23:59:59");
  }

  @Test
  void parsesWhatZephyrWrites() {
    assertThat(ZephyrDateTime.parse("2026-06-03T22:19:37"))
        .isEqualTo(LocalDateTime.of(2026, 6, 3, 22, 19, 37));
    assertThat(ZephyrDateTime.parse("1900-01-01T00:00:00")).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
    assertThat(ZephyrDateTime.parse("11899-12-31T23:59:59"))
        .isEqualTo(LocalDateTime.of(11899, 12, 31, 23, 59, 59));
    assertThat(ZephyrDateTime.parse("2024-02-29T12:00:00")).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 0));
  }

  @Test
  void anySingleSeparatorWorks() {
    LocalDateTime expected = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
    assertThat(ZephyrDateTime.parse("2024-01-02 03:04:05")).isEqualTo(expected);
    assertThat(ZephyrDateTime.parse("2024/01/02T03.04.05")).isEqualTo(expected);
    assertThat(ZephyrDateTime.parse("2024x01x02x03x04x05")).isEqualTo(expected);
  }

  @Test
  void fieldsAreReadAsStrtolReadsThem() {
    // Short fields are fine once the whole text has 19 bytes.
    assertThat(ZephyrDateTime.parse("2024-1-2T3:4:5      ")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    // strtol skips white space and takes a sign.
    assertThat(ZephyrDateTime.parse("2024-01-01T00:00: 7")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 7));
    assertThat(ZephyrDateTime.parse("+2024-01-01T00:00:00")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(ZephyrDateTime.parse("2024-+1-01T00:00:00")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(ZephyrDateTime.parse("2024-01-01T-0:00:00")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(ZephyrDateTime.parse("0002024-1-1T0:0:0  ")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
  }

  @Test
  void whatFollowsTheSecondsIsIgnoredAsZephyrWithoutMillisecondsIgnoresIt() {
    LocalDateTime expected = LocalDateTime.of(2024, 1, 1, 0, 0);
    assertThat(ZephyrDateTime.parse("2024-01-01T00:00:00.123")).isEqualTo(expected);
    assertThat(ZephyrDateTime.parse("2024-01-01T00:00:00.9999")).isEqualTo(expected);
    assertThat(ZephyrDateTime.parse("2024-01-01T00:00:00Z")).isEqualTo(expected);
    assertThat(ZephyrDateTime.parse("2024-01-01T00:00:00+05:00")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "2024-01-01T00:00", // 16 bytes: too short
      "2024-1-2T3:4:5", // fields fine, 14 bytes: too short
      "2024-01-01T00:00:00.123456", // 26 bytes: too long (Python's isoformat())
      "2024-02-30T00:00:00", // not a date
      "2023-02-29T00:00:00", // not a leap year
      "2024-04-31T00:00:00",
      "1899-12-31T23:59:59",
      "11900-01-01T00:00:00",
      "2024-00-01T00:00:00",
      "2024-13-01T00:00:00",
      "2024-01-00T00:00:00",
      "2024-01-32T00:00:00",
      "2024-01-01T24:00:00",
      "2024-01-01T00:60:00",
      "2024-01-01T00:00:60",
      "2024-01-01T00:00:-1",
      "99999999999999-1-1T0:0:0",
      "2024--01-01T00:00:00", // the second '-' is read as a sign: month -1
      "2024-01-01TT00:00:00", // 'T' where a number must start
      "2024-01-01T00::00:00",
      "abcd-01-01T00:00:00",
      "2024-01-01T00:00:xx",
      "2024-01-01T00:00000", // ends after five fields
      "2024\u00e901-01T00:00:00", // the separator is one byte: the second byte of 'é' is no number
  })
  void refusesWhatZephyrRefusesWithEinval(String text) {
    assertThatThrownBy(() -> ZephyrDateTime.parse(text))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
  }
}
