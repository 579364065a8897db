package io.mcumgr4j.cli;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.enumeration.EnumMgmt;
import io.mcumgr4j.groups.enumeration.EnumMgmtClient;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import io.mcumgr4j.groups.shell.ShellMgmtClient;
import io.mcumgr4j.groups.stat.StatMgmtClient;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.transfer.FileDownloader;
import io.mcumgr4j.transfer.FileUploader;
import io.mcumgr4j.transfer.ImageUploader;
import io.mcumgr4j.transfer.TransferOptions;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcumgr4j demo}: starts a simulated device in this process and walks through its groups
 * with the generated clients over real UDP (and once over the serial framing), printing each step.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start a simulated device in-process and exercise its groups over UDP and the serial framing.")
final class DemoCommand implements Callable<Integer>, LocalCommand {

  @Option(names = "--requests", description = "Concurrent echo requests in the load step. Default: ${DEFAULT-VALUE}.",
      defaultValue = "1000")
  int requests;

  @Option(names = "--data-dir", description = "The device's data directory, kept afterwards. Default: a temporary "
      + "directory, deleted at the end.")
  Path dataDir;

  @Spec
  CommandSpec spec;

  private PrintWriter out;
  private int failures;
  private int steps;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    Path dir = dataDir != null ? dataDir : Files.createTempDirectory("mcumgr4j-demo");
    try {
      run(dir);
    } finally {
      if (dataDir == null) {
        deleteTree(dir);
      }
    }
    out.println(failures == 0
        ? "demo: all " + steps + " steps passed"
        : "demo: " + failures + " of " + steps + " steps failed");
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private void run(Path dir) throws Exception {
    try (SimulatedDevice device = SimulatedDevice.builder(dir).allowShell(true).resetDelay(Duration.ofMillis(50))
        .start()) {
      device.server().register(new ThermostatMgmtDispatcher(new Thermostat()));
      InetSocketAddress address = device.serveUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .localAddress();
      out.println("device: simulated, data in " + dir + (dataDir == null ? " (deleted at the end)" : "")
          + ", SMP on udp " + address);
      try (SmpClient smp = new SmpClient(new UdpTransport(address))) {
        walk(device, smp);
      }
      try (SmpClient v1 = new SmpClient(new UdpTransport(address), ClientConfig.DEFAULT.withVersion(SmpHeader.VERSION_1))) {
        step("the same group error for an SMP v1 client", () -> {
          try {
            new StatMgmtClient(v1).groupData("no_such_group");
            throw new IllegalStateException("expected an error");
          } catch (MgmtException e) {
            return "answered " + e.getMessage() + " (the group's v1 translation)";
          }
        });
      }
      step("echo over the serial console framing (in-process pipe)", () -> serialEcho(device));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private void walk(SimulatedDevice device, SmpClient smp) {
    OsMgmtClient os = new OsMgmtClient(smp);
    step("os: mcumgr params", () -> os.params().toString());
    step("os: echo", () -> "r = " + os.echo("Hello, World!").text());
    step("os: info (all)", () -> os.info("a").output());
    step("os: date-time set and read", () -> {
      os.setDateTime("2030-01-02T03:04:05");
      return os.dateTime().datetime();
    });
    step("os: task statistics", () -> os.taskStats().tasks().size() + " tasks (the JVM's threads)");
    int bufCount = (int) os.params().bufCount();
    step(requests + " echoes, " + bufCount + " in flight at a time (the device's buf_count)", () -> {
      // more at once would overflow the device's buffers: it drops what it cannot hold, as Zephyr does
      Semaphore buffers = new Semaphore(bufCount);
      List<CompletableFuture<OsMgmt.Echo>> futures = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        buffers.acquire();
        CompletableFuture<OsMgmt.Echo> echo = os.echoAsync("msg " + i);
        echo.whenComplete((r, e) -> buffers.release());
        futures.add(echo);
      }
      for (int i = 0; i < requests; i++) {
        String r = SmpClient.await(futures.get(i)).text();
        if (!r.equals("msg " + i)) {
          throw new IllegalStateException("response " + i + " was " + r);
        }
      }
      return "all " + requests + " responses matched their request";
    });

    SettingsMgmtClient settings = new SettingsMgmtClient(smp);
    step("settings: write, save, read", () -> {
      settings.write("app/greeting", "hello".getBytes(StandardCharsets.UTF_8));
      settings.save(null);
      return "app/greeting = " + new String(settings.read("app/greeting", OptionalLong.empty()).value(),
          StandardCharsets.UTF_8);
    });
    step("settings: a name under a root with no handler (group error)", () -> {
      try {
        settings.read("vec/key", OptionalLong.empty());
        throw new IllegalStateException("expected an error");
      } catch (GroupErrorException e) {
        return "answered " + e.getMessage();
      }
    });
    step("shell: kernel version", () -> new ShellMgmtClient(smp).exec(List.of("kernel", "version")).output().strip());
    StatMgmtClient stats = new StatMgmtClient(smp);
    step("stat: list and read", () -> stats.list().names() + " " + stats.groupData("smp_svr_stats").fields());
    step("enum: details", () -> new EnumMgmtClient(smp).details(null).groups().stream()
        .map(EnumMgmt.GroupDetails::name).collect(Collectors.joining(", ")));
    step("image: build 1.2.3, upload, test, reset, confirm (MCUboot swap)", () -> {
      byte[] firmware = new byte[100_000];
      new Random(1).nextBytes(firmware);
      byte[] image = new McubootImageBuilder().version(ImageVersion.of(1, 2, 3)).payload(firmware).build();
      int[] lastPercent = {-1};
      new ImageUploader(smp, TransferOptions.builder().listener((done, total) -> {
        int percent = (int) (100 * done / total);
        if (percent / 25 != lastPercent[0] / 25) {
          lastPercent[0] = percent;
          out.println("    uploaded " + done + " of " + total + " bytes");
        }
      }).build()).upload(image);
      ImgMgmtClient img = new ImgMgmtClient(smp);
      img.setState(McubootImage.parse(image).hash(), false);
      restart(device, os);
      img.setState(null, true);
      ImgMgmt.Slot running = img.state().images().get(0);
      return "running " + running.version() + " in slot " + running.slot() + ", confirmed " + running.confirmed();
    });
    FsMgmtClient fs = new FsMgmtClient(smp);
    step("fs: upload a file, download it, sha256", () -> {
      byte[] data = "hello from mcumgr4j\n".repeat(500).getBytes(StandardCharsets.UTF_8);
      new FileUploader(smp).upload("/lfs1/hello.txt", data);
      byte[] back = new FileDownloader(smp).download("/lfs1/hello.txt");
      return back.length + " bytes back, equal: " + Arrays.equals(data, back) + ", "
          + fs.hash("/lfs1/hello.txt", "sha256", OptionalLong.empty(), OptionalLong.empty()).type();
    });
    step("a custom group (100, thermostat) served beside the built-in ones", () -> {
      ThermostatMgmtClient thermostat = new ThermostatMgmtClient(smp);
      thermostat.setTarget(215);
      ThermostatMgmt.Reading r = thermostat.read();
      return "target " + r.target() / 10.0 + ", measured " + r.measured() / 10.0;
    });
    step("its group error, and a hook refusing a command", () -> {
      ThermostatMgmtClient thermostat = new ThermostatMgmtClient(smp);
      String answers;
      try {
        thermostat.setTarget(400);
        throw new IllegalStateException("expected an error");
      } catch (GroupErrorException e) {
        answers = "40.0 answered " + e.getMessage();
      }
      var veto = ThermostatMgmtEvents.onSetTarget(device.callbacks(),
          (event, previous) -> event.tenths() < 100 ? CallbackResult.rc(MgmtErr.EACCESSDENIED) : CallbackResult.OK);
      try {
        thermostat.setTarget(60);
        throw new IllegalStateException("expected a refusal");
      } catch (MgmtException e) {
        return answers + "; 6.0 refused by a hook: " + e.getMessage();
      } finally {
        veto.close();
      }
    });
    step("os: reset (the device restarts in-process; saved settings stay)", () -> {
      restart(device, os);
      return "boot " + device.bootCount() + ", app/greeting = "
          + new String(settings.read("app/greeting", OptionalLong.empty()).value(), StandardCharsets.UTF_8);
    });
  }

  /** The thermostat of the demo's custom group: refuses targets outside 5..30 degrees. */
  private static final class Thermostat implements ThermostatMgmt {
    private volatile int target = 200;

    @Override
    public void setTarget(int tenths) {
      if (tenths < 50 || tenths > 300) {
        throw new GroupErrorException(ThermostatMgmtError.OUT_OF_RANGE);
      }
      target = tenths;
    }

    @Override
    public Reading read() {
      return new Reading(target, target - 5);
    }
  }

  /** Resets the device and waits (boundedly) for it to have booted again. */
  private static void restart(SimulatedDevice device, OsMgmtClient os) throws InterruptedException {
    int boots = device.bootCount();
    os.reset(null, null);
    for (int i = 0; i < 500 && device.bootCount() == boots; i++) {
      Thread.sleep(10);
    }
  }

  /** Serves the device over a pipe with the serial framing and shows the lines it wrote. */
  private static String serialEcho(SimulatedDevice device) throws IOException {
    PipedInputStream deviceIn = new PipedInputStream(1 << 16);
    PipedInputStream hostIn = new PipedInputStream(1 << 16);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    OutputStream deviceOut = new FilterOutputStream(new PipedOutputStream(hostIn)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        wire.write(b, off, len);
        out.write(b, off, len);
      }
    };
    // both pipes are connected before either end starts reading
    PipedOutputStream hostOut = new PipedOutputStream(deviceIn);
    device.serveSerial(deviceIn, deviceOut, "pipe");
    try (SmpClient client = new SmpClient(new SerialTransport(hostIn, hostOut))) {
      String r = new OsMgmtClient(client).echo("over serial").text();
      byte[] line = wire.toByteArray();
      return "the device answered \"" + r + "\" in one console line of " + line.length + " bytes: the start "
          + "bytes 06 09, then the length, the response and its CRC16 in base64 ("
          + new String(line, 2, line.length - 3, StandardCharsets.US_ASCII) + "), then a newline";
    }
  }

  private interface Step {
    String run() throws Exception;
  }

  private void step(String title, Step step) {
    steps++;
    out.println("* " + title);
    try {
      out.println("    " + step.run());
    } catch (Exception e) {
      failures++;
      out.println("    FAILED: " + e);
    }
    out.flush();
  }
}
