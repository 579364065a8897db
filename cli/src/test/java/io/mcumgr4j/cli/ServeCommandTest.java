package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcumgr4j serve} on UDP, in a child JVM stopped with SIGTERM. */
class ServeCommandTest {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5));

  @TempDir Path dir;

  @Test
  void servesUdpAndKeepsSavedSettingsAcrossRuns() throws Exception {
    Path data = dir.resolve("device");
    try (ServeProcess serve = ServeProcess.start("--udp", "127.0.0.1:0", "--data-dir", data.toString(),
        "--buf-size", "1024", "--buf-count", "3")) {
      InetSocketAddress address = udpAddress(serve.awaitLine("on udp "));
      try (SmpClient smp = new SmpClient(new UdpTransport(address), CONFIG)) {
        OsMgmtClient os = new OsMgmtClient(smp);
        assertThat(os.echo("hello serve").text()).isEqualTo("hello serve");
        assertThat(os.params()).isEqualTo(new OsMgmt.McumgrParams(1024, 3));
        SettingsMgmtClient settings = new SettingsMgmtClient(smp);
        settings.write("app/kept", "saved".getBytes(StandardCharsets.UTF_8));
        settings.save(null);
        settings.write("app/lost", "unsaved".getBytes(StandardCharsets.UTF_8));

        os.reset(null, null);
        serve.awaitLine("device restarted (boot 2)");
        assertThat(os.echo("after reset").text()).isEqualTo("after reset");
      }
      serve.awaitLine("group 0 command 0"); // the request log
      assertThat(serve.terminate()).isIn(0, 143);
    }
    assertThat(data.resolve("settings.bin")).isRegularFile();

    try (ServeProcess serve = ServeProcess.start("--udp", "127.0.0.1:0", "--data-dir", data.toString())) {
      InetSocketAddress address = udpAddress(serve.awaitLine("on udp "));
      try (SmpClient smp = new SmpClient(new UdpTransport(address), CONFIG)) {
        SettingsMgmtClient settings = new SettingsMgmtClient(smp);
        assertThat(new String(settings.read("app/kept", OptionalLong.empty()).value(), StandardCharsets.UTF_8))
            .isEqualTo("saved");
        assertThat(new OsMgmtClient(smp).params()).isEqualTo(new OsMgmt.McumgrParams(2048, 2));
      }
      assertThat(serve.terminate()).isIn(0, 143);
    }
  }

  @Test
  void quietServesWithoutALinePerRequest() throws Exception {
    try (ServeProcess serve = ServeProcess.start("--udp", "127.0.0.1:0", "--data-dir", dir.toString(), "--quiet")) {
      InetSocketAddress address = udpAddress(serve.awaitLine("on udp "));
      try (SmpClient smp = new SmpClient(new UdpTransport(address), CONFIG)) {
        OsMgmtClient os = new OsMgmtClient(smp);
        assertThat(os.echo("quietly").text()).isEqualTo("quietly");
        os.reset(null, null);
        serve.awaitLine("device restarted (boot 2)");
      }
      assertThat(serve.seen()).noneMatch(line -> line.contains(" group "));
      assertThat(serve.terminate()).isIn(0, 143);
    }
  }

  @Test
  void servesSeveralUdpAddressesIncludingIpv6() throws Exception {
    Assumptions.assumeTrue(ipv6LoopbackWorks(), "no IPv6 loopback on this machine");
    try (ServeProcess serve = ServeProcess.start("--udp", "127.0.0.1:0", "--udp", "[::1]:0",
        "--data-dir", dir.toString())) {
      InetSocketAddress v4 = udpAddress(serve.awaitLine("on udp 127.0.0.1:"));
      InetSocketAddress v6 = udpAddress(serve.awaitLine("on udp ["));
      for (InetSocketAddress address : new InetSocketAddress[] {v4, v6}) {
        try (SmpClient smp = new SmpClient(new UdpTransport(address), CONFIG)) {
          assertThat(new OsMgmtClient(smp).echo("via " + address).text()).isEqualTo("via " + address);
        }
      }
      assertThat(serve.terminate()).isIn(0, 143);
    }
  }

  @Test
  void badAddressIsAOneLineUsageFailure() throws Exception {
    try (ServeProcess serve = ServeProcess.start("--udp", "127.0.0.1:99999", "--data-dir", dir.toString())) {
      assertThat(serve.awaitLine("mcumgr4j:")).contains("99999");
      assertThat(serve.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
  }

  @Test
  void aFleetAnswersOnConsecutivePortsEachWithItsOwnData() throws Exception {
    int first = freeConsecutivePorts(3);
    Path data = dir.resolve("fleet");
    try (ServeProcess serve = ServeProcess.start("--devices", "3", "--udp", "127.0.0.1:" + first,
        "--data-dir", data.toString())) {
      assertThat(serve.awaitLine("simulated devices on udp "))
          .contains("3 simulated devices on udp 127.0.0.1:" + first + " to 127.0.0.1:" + (first + 2));
      for (int i = 0; i < 3; i++) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", first + i);
        try (SmpClient smp = new SmpClient(new UdpTransport(address), CONFIG)) {
          assertThat(new OsMgmtClient(smp).echo("device " + i).text()).isEqualTo("device " + i);
          SettingsMgmtClient settings = new SettingsMgmtClient(smp);
          settings.write("app/who", ("device " + i).getBytes(StandardCharsets.UTF_8));
          settings.save(null);
        }
      }
      assertThat(serve.awaitLine("device 3: udp")).contains("group 0 command 0"); // its echo, logged under its name
      assertThat(serve.terminate()).isIn(0, 143);
    }
    for (int i = 1; i <= 3; i++) {
      assertThat(data.resolve("device-" + i).resolve("settings.bin")).isRegularFile();
    }
  }

  @Test
  void aFleetIsServedOnOneUdpAddressOnly() throws Exception {
    Run run = CliDevice.runAlone("serve", "--devices", "2", "--udp", "127.0.0.1:0", "--udp", "127.0.0.1:0",
        "--data-dir", dir.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--devices");
  }

  /** A port from which {@code count} ports are free now (a later bind may still lose a race). */
  private static int freeConsecutivePorts(int count) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
        first = probe.getLocalPort();
      }
      if (first + count - 1 > 65535) {
        continue;
      }
      boolean free = true;
      for (int i = 0; i < count && free; i++) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", first + i))) {
          free = probe.isBound();
        } catch (SocketException e) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new AssertionError("no " + count + " consecutive free UDP ports");
  }

  /** Reads {@code HOST:PORT} (IPv6 in brackets) from the end of the "on udp" line. */
  static InetSocketAddress udpAddress(String line) {
    return Addresses.parse(line.substring(line.indexOf("on udp ") + 7).strip(), 0);
  }

  private static boolean ipv6LoopbackWorks() {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
      return socket.getLocalPort() > 0;
    } catch (Exception e) {
      return false;
    }
  }
}
