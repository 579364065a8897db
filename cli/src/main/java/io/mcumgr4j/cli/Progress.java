package io.mcumgr4j.cli;

import io.mcumgr4j.transfer.TransferListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for a transfer on standard error, redrawn in place with a carriage
 * return: {@code label [#####-----]  50%  512.0 KiB / 1.0 MiB  100.0 KiB/s  ETA 0:05}.
 *
 * <p>The rate counts from the first reply on, not from the start: the first reply of an image
 * upload may wait for a slot erase, and that of a resumed transfer jumps to where the device
 * stopped; neither says how fast the link is. Close it (try-with-resources) so that a transfer
 * that fails half-way still ends its line before the error is printed.
 */
final class Progress implements TransferListener, AutoCloseable {

  private static final int BAR_WIDTH = 24;
  /** Redraws at most this often (and always for the last byte), so fast links do not flood the terminal. */
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB"};

  private final PrintWriter err;
  private final String label;
  private final LongSupplier nanoTime;

  private long baseNanos;
  private long baseDone = -1;
  private long lastDraw;
  private int lastLength;
  private boolean lineOpen;
  private boolean finished;

  /**
   * @param err where the bar goes, or {@code null} for no bar
   * @param label what is transferred, e.g. {@code upload app.img}
   * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime} outside tests)
   */
  Progress(PrintWriter err, String label, LongSupplier nanoTime) {
    this.err = err;
    this.label = label;
    this.nanoTime = nanoTime;
  }

  /**
   * The listener for a transfer the command runs: a bar on {@code err}, or nothing with
   * {@code --json} or when standard error is not a terminal (a bar would only litter a log file).
   */
  static Progress forTransfer(Output out, PrintWriter err, String label) {
    boolean show = !out.json() && System.console() != null;
    return new Progress(show ? err : null, label, System::nanoTime);
  }

  @Override
  public void progress(long done, long total) {
    if (err == null || finished) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (baseDone < 0) {
      baseDone = done;
      baseNanos = now;
    }
    boolean last = done >= total;
    if (!last && lineOpen && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = line(done, total, now);
    // pad over what is left of a longer previous line
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    lastLength = line.length();
    lineOpen = true;
    if (last) {
      err.println();
      lineOpen = false;
      finished = true;
    }
    err.flush();
  }

  @Override
  public void close() {
    if (lineOpen) {
      err.println();
      err.flush();
      lineOpen = false;
    }
    finished = true;
  }

  /** The bar for {@code done} of {@code total} bytes at time {@code now}. */
  private String line(long done, long total, long now) {
    double fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) done / total));
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    StringBuilder s = new StringBuilder(label)
        .append(" [").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
        .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)))
        .append("  ").append(bytes(done)).append(" / ").append(bytes(total));
    double seconds = (now - baseNanos) / 1e9;
    long moved = done - baseDone;
    if (seconds > 0 && moved > 0) {
      double rate = moved / seconds;
      s.append("  ").append(bytes(Math.round(rate))).append("/s");
      if (done < total) {
        s.append("  ETA ").append(duration((long) Math.ceil((total - done) / rate)));
      }
    } else if (done < total) {
      s.append("  --/s  ETA --:--");
    }
    return s.toString();
  }

  /** {@code n} bytes in binary units: {@code 999 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    double value = n;
    int unit = 0;
    // 1023.96 KiB would print as "1024.0 KiB": move up a unit at what rounds to 1024
    while (value >= 1023.95 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code seconds} as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long sec = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
