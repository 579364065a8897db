package io.mcumgr4j.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices of one process, each on its own port with its own data. */
class FleetTest {

  private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  @TempDir
  Path dir;

  @Test
  void eachDeviceAnswersOnItsPortAndKeepsItsOwnSettings() throws Exception {
    try (Fleet fleet = Fleet.start(3, dir, ANY_PORT, b -> b.serverConfig(ServerConfig.DEFAULT.withBufCount(3)))) {
      assertThat(fleet.addresses()).hasSize(3).doesNotHaveDuplicates();
      for (int i = 0; i < 3; i++) {
        try (SmpClient smp = new SmpClient(new UdpTransport(fleet.addresses().get(i)))) {
          assertThat(new OsMgmtClient(smp).params().bufCount()).isEqualTo(3);
          new SettingsMgmtClient(smp).write("app/who", new byte[] {(byte) i});
        }
      }
      for (int i = 0; i < 3; i++) {
        try (SmpClient smp = new SmpClient(new UdpTransport(fleet.addresses().get(i)))) {
          assertThat(new SettingsMgmtClient(smp).read("app/who", OptionalLong.empty()).value())
              .containsExactly((byte) i);
          assertThat(new OsMgmtClient(smp).echo("device " + i).text()).isEqualTo("device " + i);
        }
      }
      assertThat(fleet.devices().get(1).dataDir()).isEqualTo(dir.resolve("device-2"));
    }
  }

  @Test
  void aTakenPortClosesTheDevicesAlreadyStarted() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(ANY_PORT)) {
      InetSocketAddress first = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort() - 1);
      try (DatagramSocket probe = new DatagramSocket(first)) {
        assertThat(probe.isBound()).isTrue();
      } catch (BindException e) {
        Assumptions.abort("the port before an ephemeral one is taken too: " + first);
      }
      assertThatThrownBy(() -> Fleet.start(2, dir, first, b -> b)).isInstanceOf(BindException.class);
      // the first device let go of its port and its data directory's lock
      try (DatagramSocket again = new DatagramSocket(first)) {
        assertThat(again.isBound()).isTrue();
      }
      try (Fleet fleet = Fleet.start(1, dir, ANY_PORT, b -> b)) {
        assertThat(fleet.devices()).hasSize(1);
      }
    }
  }

  @Test
  void portsPast65535AreRefused() {
    InetSocketAddress high = new InetSocketAddress(InetAddress.getLoopbackAddress(), 65535);
    assertThatThrownBy(() -> Fleet.start(2, dir, high, b -> b)).hasMessageContaining("65535");
    assertThatThrownBy(() -> Fleet.start(0, dir, ANY_PORT, b -> b)).hasMessageContaining("at least one");
  }
}
