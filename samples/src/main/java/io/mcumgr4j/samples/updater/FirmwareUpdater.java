package io.mcumgr4j.samples.updater;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.SmpException;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.mcuboot.ImageFormatException;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.transfer.ImageUploader;
import io.mcumgr4j.transfer.TransferOptions;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Updates a device's firmware from an MCUboot image file, as {@code mcumgr image upload} and the
 * steps after it do: reads the image state, uploads the image (printing progress), marks it for
 * test, resets, waits for the device to come back running it, confirms it and prints the final
 * state. Without the confirmation MCUboot would revert to the old image at the next reset.
 *
 * <p>Run: {@code java -cp ... io.mcumgr4j.samples.updater.FirmwareUpdater udp:HOST[:PORT] IMAGE}
 * or {@code ... serial:DEVICE[,baud=N] IMAGE}; IPv6 hosts in brackets ({@code udp:[::1]:1337}).
 */
public final class FirmwareUpdater {

  /** How long a rebooting device may take to answer again with the new image running. */
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
  /** Between two polls of a rebooting device. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final SmpClient smp;
  private final PrintStream out;
  private final Duration bootTimeout;

  /**
   * @param smp a client connected to the device
   * @param out where progress goes
   * @param bootTimeout how long to wait for the device to run the new image after the reset
   */
  public FirmwareUpdater(SmpClient smp, PrintStream out, Duration bootTimeout) {
    this.smp = smp;
    this.out = out;
    this.bootTimeout = bootTimeout;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code (0 updated, 1 failed, 2 usage). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println("usage: FirmwareUpdater udp:HOST[:PORT]|serial:DEVICE[,baud=N] IMAGE");
      return 2;
    }
    try {
      byte[] image = Files.readAllBytes(Path.of(args[1]));
      try (SmpClient smp = new SmpClient(open(args[0]), ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(3)))) {
        new FirmwareUpdater(smp, out, BOOT_TIMEOUT).update(image);
      }
      return 0;
    } catch (Exception e) {
      err.println("update failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Updates the device to {@code image}; returns the final image state.
   *
   * @throws ImageFormatException if {@code image} is not an MCUboot image
   * @throws IllegalStateException if the device does not come back running the new image
   */
  public ImgMgmt.State update(byte[] image) throws ImageFormatException, InterruptedException {
    McubootImage parsed = McubootImage.parse(image);
    byte[] hash = parsed.hash();
    ImgMgmtClient img = new ImgMgmtClient(smp);
    OsMgmtClient os = new OsMgmtClient(smp);

    ImgMgmt.State before = img.state();
    print("device state before the update", before);
    if (runs(before, hash)) {
      out.println("the device already runs " + parsed.version() + " (" + shortHash(hash) + "): nothing to do");
      return before;
    }

    out.println("uploading " + parsed.version() + ", " + image.length + " bytes");
    int[] lastTenth = {-1};
    ImageUploader.Result result = new ImageUploader(smp, TransferOptions.builder().listener((done, total) -> {
      int tenth = (int) (10 * done / total);
      if (tenth != lastTenth[0]) { // a line per 10 %, not per chunk
        lastTenth[0] = tenth;
        out.println("  " + (10 * tenth) + " % (" + done + " of " + total + " bytes)");
      }
    }).build()).upload(image);
    out.println("uploaded in " + result.requests() + " requests");

    print("marked for test", img.setState(hash, false));
    out.println("resetting");
    os.reset(null, null);
    awaitBoot(img, os, hash);

    ImgMgmt.State confirmed = img.setState(null, true);
    print("confirmed; final state", confirmed);
    return confirmed;
  }

  /**
   * Polls until the device answers an echo and reports the new image active. A device that has not
   * reset yet still answers with the old image active, so answering alone is not enough.
   */
  private void awaitBoot(ImgMgmtClient img, OsMgmtClient os, byte[] hash) throws InterruptedException {
    long deadline = System.nanoTime() + bootTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        os.echo("are you back?");
        if (runs(img.state(), hash)) {
          out.println("the device is back, running the new image");
          return;
        }
      } catch (SmpException e) {
        // rebooting: no answer (timeout) or the link went away for a moment (serial over USB)
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new IllegalStateException("the device did not come back running " + shortHash(hash) + " within "
        + bootTimeout.toSeconds() + " s (did MCUboot refuse or revert the image?)");
  }

  private static boolean runs(ImgMgmt.State state, byte[] hash) {
    return state.images().stream().anyMatch(s -> s.active() && Arrays.equals(s.hash(), hash));
  }

  private void print(String title, ImgMgmt.State state) {
    out.println(title + ":");
    for (ImgMgmt.Slot s : state.images()) {
      out.println("  " + (s.image() != null ? "image " + s.image() + " " : "") + "slot " + s.slot() + ": "
          + s.version() + " " + shortHash(s.hash())
          + (s.active() ? " active" : "") + (s.pending() ? " pending" : "")
          + (s.confirmed() ? " confirmed" : "") + (s.permanent() ? " permanent" : ""));
    }
  }

  private static String shortHash(byte[] hash) {
    return HexFormat.of().formatHex(hash, 0, Math.min(4, hash.length)) + "...";
  }

  /** The transport for {@code udp:HOST[:PORT]} or {@code serial:DEVICE[,baud=N]}. */
  static SmpTransport open(String conn) throws IOException {
    if (conn.startsWith("udp:")) {
      return new UdpTransport(udpAddress(conn.substring(4)));
    }
    if (conn.startsWith("serial:")) {
      String[] parts = conn.substring(7).split(",baud=");
      return SerialTransport.open(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 115200);
    }
    throw new IllegalArgumentException("expected udp:HOST[:PORT] or serial:DEVICE[,baud=N], not " + conn);
  }

  /** {@code HOST[:PORT]}, an IPv6 host in brackets ({@code [::1]:1337}). */
  private static InetSocketAddress udpAddress(String target) {
    int hostEnd = target.startsWith("[") ? target.indexOf(']') + 1 : target.indexOf(':');
    if (hostEnd <= 0 || hostEnd == target.length()) {
      return new InetSocketAddress(target.replaceAll("[\\[\\]]", ""), UdpLimits.DEFAULT_PORT);
    }
    String host = target.substring(0, hostEnd).replaceAll("[\\[\\]]", "");
    return new InetSocketAddress(host, Integer.parseInt(target.substring(hostEnd + 1)));
  }
}
