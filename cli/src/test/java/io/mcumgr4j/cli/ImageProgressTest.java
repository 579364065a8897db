package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The transfer progress bar ({@link Progress}), driven by a fake clock. */
class ImageProgressTest {

  private final StringWriter text = new StringWriter();
  private long nanos = 1_000_000_000L;
  private final Progress progress = new Progress(new PrintWriter(text), "upload app.img", () -> nanos);

  @Test
  void showsRateAndEtaFromTheFirstReplyOn() {
    progress.progress(10 * 1024, 100 * 1024); // the first reply: the slot erase took long, no rate yet
    advanceMillis(1000);
    progress.progress(30 * 1024, 100 * 1024); // 20 KiB in 1 s, 70 KiB to go
    advanceMillis(3500);
    progress.progress(100 * 1024, 100 * 1024);

    assertThat(text.toString().split("\r", -1)).containsExactly("",
        "upload app.img [##----------------------]  10%  10.0 KiB / 100.0 KiB  --/s  ETA --:--",
        "upload app.img [#######-----------------]  30%  30.0 KiB / 100.0 KiB  20.0 KiB/s  ETA 0:04",
        "upload app.img [########################] 100%  100.0 KiB / 100.0 KiB  20.0 KiB/s"
            + " ".repeat(9) + System.lineSeparator());
  }

  @Test
  void redrawsAtMostEveryTenthOfASecondButAlwaysTheEnd() {
    progress.progress(1, 1000);
    advanceMillis(50);
    progress.progress(500, 1000); // too soon: skipped
    advanceMillis(10);
    progress.progress(1000, 1000); // the end: drawn
    progress.progress(1000, 1000); // after the end: nothing

    assertThat(text.toString()).doesNotContain(" 50% ").contains(" 100% ");
    assertThat(text.toString().split("\r", -1)).hasSize(3);
  }

  @Test
  void closeEndsAnUnfinishedLineOnce() {
    progress.progress(100, 1000);
    progress.close();
    progress.close();

    assertThat(text.toString()).isEqualTo("\rupload app.img [##----------------------]  10%  100 B / 1000 B"
        + "  --/s  ETA --:--" + System.lineSeparator());
  }

  @Test
  void withoutAWriterItDrawsNothing() {
    Progress off = new Progress(null, "upload", () -> nanos);
    off.progress(1, 2);
    off.progress(2, 2);
    off.close();

    // --json turns the bar off
    Progress json = Progress.forTransfer(new Output(System.out, true), new PrintWriter(text), "x");
    json.progress(1, 2);
    json.progress(2, 2);

    assertThat(text.toString()).isEmpty();
  }

  @Test
  void formatsSizesAndDurations() {
    assertThat(Progress.bytes(0)).isEqualTo("0 B");
    assertThat(Progress.bytes(1023)).isEqualTo("1023 B");
    assertThat(Progress.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Progress.bytes(1024 * 1024 - 1)).isEqualTo("1.0 MiB");
    assertThat(Progress.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    assertThat(Progress.duration(0)).isEqualTo("0:00");
    assertThat(Progress.duration(61)).isEqualTo("1:01");
    assertThat(Progress.duration(3600 + 2 * 60 + 3)).isEqualTo("1:02:03");
  }

  private void advanceMillis(long millis) {
    nanos += TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
