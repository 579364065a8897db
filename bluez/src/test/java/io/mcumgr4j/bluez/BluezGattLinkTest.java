package io.mcumgr4j.bluez;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.bluez.FakeBluez.OnConnect;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.transport.ble.GattTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link BluezGattLink} against a fake org.bluez on a private D-Bus bus: no radio needed. */
@Timeout(30)
class BluezGattLinkTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(TIMEOUT).withRetries(0);
  private static final String ADDRESS = "AA:BB:CC:DD:EE:01";

  @TempDir Path dir;
  private PrivateBus bus;
  private SmpServer server;

  @BeforeEach
  void start() throws IOException, InterruptedException {
    bus = PrivateBus.start(dir);
    server = TestGroups.server(ServerConfig.DEFAULT.withBufSize(2048).withBufCount(8));
  }

  @AfterEach
  void stop() {
    server.close();
    bus.close();
  }

  @Test
  void connectsByAddressAndEchoesThroughSmpClient() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, true)) {
      bluez.device(ADDRESS, "zephyr", 247, true, OnConnect.RESOLVE);
      try (BluezGattLink link = BluezGattLink.connect(bus.address(), BluezTarget.parse("aa:bb:cc:dd:ee:01"), TIMEOUT);
          SmpClient client = new SmpClient(new GattTransport(link), CONFIG)) {
        assertThat(link.attMtu()).isEqualTo(247);
        assertThat(link.address()).isEqualTo(ADDRESS);
        assertThat(echo(client, "hello")).isEqualTo(echoed("hello"));
      }
      assertThat(bluez.calls).doesNotContain("Adapter1.StartDiscovery")
          .containsSubsequence("Device1.Connect", "GattCharacteristic1.StartNotify", "GattCharacteristic1.WriteValue",
              "GattCharacteristic1.StopNotify", "Device1.Disconnect");
    }
  }

  @Test
  void findsADeviceByNameThatAppearsOnlyOnceDiscoveryStarts() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, true)) {
      bluez.deviceOnDiscovery(ADDRESS, "zephyr-smp", 0);
      try (BluezGattLink link = BluezGattLink.connect(bus.address(), BluezTarget.parse("zephyr-smp"), TIMEOUT);
          SmpClient client = new SmpClient(new GattTransport(link), CONFIG)) {
        assertThat(link.attMtu()).as("no MTU property before BlueZ 5.62").isEqualTo(23);
        assertThat(link.address()).isEqualTo("\"zephyr-smp\"");
        assertThat(echo(client, "hi")).isEqualTo(echoed("hi"));
      }
      assertThat(bluez.calls)
          .containsSubsequence("Adapter1.StartDiscovery", "Adapter1.StopDiscovery", "Device1.Connect");
    }
  }

  @Test
  void aResponseSpansSeveralNotificationsAtTheSmallestMtu() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, true)) {
      bluez.device(ADDRESS, "zephyr", 23, true, OnConnect.RESOLVE);
      String text = "a response longer than one notification ".repeat(8);
      try (BluezGattLink link = BluezGattLink.connect(bus.address(), BluezTarget.address(ADDRESS), TIMEOUT);
          SmpClient client = new SmpClient(new GattTransport(link, 2048), CONFIG)) {
        assertThat(echo(client, text)).isEqualTo(echoed(text));
      }
      assertThat(bluez.writes.get()).isGreaterThan(1);
      assertThat(bluez.notifications.get()).isGreaterThan(text.length() / 20);
    }
  }

  @Test
  void withoutOrgBluezOnTheBusSaysBluezIsNotRunning() {
    assertThatThrownBy(() -> BluezGattLink.connect(bus.address(), BluezTarget.address(ADDRESS), TIMEOUT))
        .isInstanceOf(BluezException.class)
        .hasMessageContaining("BlueZ is not running");
  }

  @Test
  void withoutAnAdapterSaysSo() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, false)) {
      assertThatThrownBy(() -> BluezGattLink.connect(bus.address(), BluezTarget.address(ADDRESS), TIMEOUT))
          .isInstanceOf(BluezException.class)
          .hasMessageContaining("no Bluetooth adapter");
      assertThat(bluez.calls).containsExactly("ObjectManager.GetManagedObjects");
    }
  }

  @Test
  void aDeviceThatNeverAppearsIsNotFoundWithinTheTimeout() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, true)) {
      assertThatThrownBy(() -> BluezGattLink.connect(bus.address(), BluezTarget.name("absent"), Duration.ofMillis(300)))
          .isInstanceOf(BluezException.class)
          .hasMessageContaining("device \"absent\" not found within 300 ms");
      assertThat(bluez.calls).containsSubsequence("Adapter1.StartDiscovery", "Adapter1.StopDiscovery");
    }
  }

  @Test
  void aDeviceWithoutTheSmpServiceIsDisconnectedAgain() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, true)) {
      bluez.device(ADDRESS, "headset", 247, false, OnConnect.RESOLVE);
      assertThatThrownBy(() -> BluezGattLink.connect(bus.address(), BluezTarget.address(ADDRESS), TIMEOUT))
          .isInstanceOf(BluezException.class)
          .hasMessageContaining("has no SMP service");
      assertThat(bluez.calls).containsSubsequence("Device1.Connect", "Device1.Disconnect");
    }
  }

  @Test
  void aFailedConnectSaysSo() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, true)) {
      bluez.device(ADDRESS, "zephyr", 247, true, OnConnect.FAIL);
      assertThatThrownBy(() -> BluezGattLink.connect(bus.address(), BluezTarget.address(ADDRESS), TIMEOUT))
          .isInstanceOf(BluezException.class)
          .hasMessageContaining("connecting to " + ADDRESS + " failed");
    }
  }

  @Test
  void servicesNeverResolvedWithinTheTimeoutSaySoAndDisconnect() throws Exception {
    try (FakeBluez bluez = new FakeBluez(bus.address(), server, true)) {
      bluez.device(ADDRESS, "zephyr", 247, true, OnConnect.NEVER_RESOLVE);
      Duration timeout = Duration.ofMillis(300);
      assertThatThrownBy(() -> BluezGattLink.connect(bus.address(), BluezTarget.address(ADDRESS), timeout))
          .isInstanceOf(BluezException.class)
          .hasMessageContaining("the services of " + ADDRESS + " were not resolved within 300 ms");
      assertThat(bluez.calls).containsSubsequence("Device1.Connect", "Device1.Disconnect");
    }
  }

  private static byte[] echo(SmpClient client, String text) throws IOException {
    return client.send(Op.WRITE, 0, 0, new CborWriter().startMap(1).key("d").text(text).toByteArray()).payload();
  }

  private static byte[] echoed(String text) {
    return new CborWriter().startMap().key("r").text(text).end().toByteArray();
  }
}
