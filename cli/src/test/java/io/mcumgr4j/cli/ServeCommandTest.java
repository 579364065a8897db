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
