package io.mcumgr4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.enumeration.EnumMgmt;
import io.mcumgr4j.groups.enumeration.EnumMgmtClient;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.os.OsMgmtDispatcher;
import io.mcumgr4j.groups.settings.SettingsMgmt;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import io.mcumgr4j.groups.settings.SettingsMgmtError;
import io.mcumgr4j.groups.shell.ShellMgmt;
import io.mcumgr4j.groups.stat.StatMgmt;
import io.mcumgr4j.groups.stat.StatMgmtClient;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmt;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtClient;
import io.mcumgr4j.simulator.settings.SettingsEvents;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated device as a whole, over real UDP: wiring, restarts and persistence. */
class SimulatedDeviceTest {

  @TempDir
  Path dataDir;

  private SimulatedDevice device;
  private SmpClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    if (device != null) {
      device.close();
    }
  }

  private void start(SimulatedDevice.Builder builder) throws Exception {
    device = builder.resetDelay(Duration.ZERO).start();
    InetSocketAddress address = device.serveUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .localAddress();
    client = new SmpClient(new UdpTransport(address));
  }

  @Test
  void groupsAreListedInZephyrsRegistrationOrder() throws Exception {
    start(SimulatedDevice.builder(dataDir).allowShell(true));

    assertThat(new EnumMgmtClient(client).list().groups()).containsExactly(10, 1, 8, 0, 3, 9, 2, 63);
  }

  @Test
  void withoutAllowShellTheShellGroupIsAbsentAndAnswersEnotsup() throws Exception {
    start(SimulatedDevice.builder(dataDir));

    assertThat(new EnumMgmtClient(client).list().groups()).containsExactly(10, 1, 8, 0, 3, 2, 63);
    byte[] payload = client.send(Op.WRITE, 9, 0, new byte[] {(byte) 0xA1, 0x64, 'a', 'r', 'g', 'v', (byte) 0x81,
        0x62, 'l', 's'}).payload();
    assertThatThrownBy(() -> ResponseErrors.check(payload))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(8));
  }

  @Test
  void everyServedGroupHasItsImplementationAndAbsentOnesAreRefused() throws Exception {
    start(SimulatedDevice.builder(dataDir));

    for (Class<?> group : List.of(EnumMgmt.class, ImgMgmt.class, FsMgmt.class, OsMgmt.class, SettingsMgmt.class,
        StatMgmt.class, ZephyrBasicMgmt.class)) {
      assertThat(device.implementation(group)).as(group.getSimpleName()).isInstanceOf(group);
    }
    assertThatThrownBy(() -> device.implementation(ShellMgmt.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not serve ShellMgmt");
  }

  @Test
  void addCommandsRefusesAGroupThatAddsNothing() throws Exception {
    start(SimulatedDevice.builder(dataDir));

    assertThatThrownBy(() -> device.addCommands(new OsMgmtDispatcher(device.implementation(OsMgmt.class))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adds no command to group 0");
  }

  @Test
  void aSavedSettingSurvivesAResetAndAnUnsavedOneDoesNot() throws Exception {
    start(SimulatedDevice.builder(dataDir));
    SettingsMgmtClient settings = new SettingsMgmtClient(client);
    settings.write("app/saved", new byte[] {1, 2, 3});
    settings.save(null);
    settings.write("app/unsaved", new byte[] {4});

    resetAndWait();

    assertThat(settings.read("app/saved", OptionalLong.empty()).value()).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> settings.read("app/unsaved", OptionalLong.empty()))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isEqualTo(SettingsMgmtError.KEY_NOT_FOUND));
  }

  @Test
  void savedSettingsSurviveANewProcessOnTheSameDataDirectory() throws Exception {
    start(SimulatedDevice.builder(dataDir));
    new SettingsMgmtClient(client).write("app/kept", new byte[] {9});
    new SettingsMgmtClient(client).save(null);
    close();

    start(SimulatedDevice.builder(dataDir));
    assertThat(new SettingsMgmtClient(client).read("app/kept", OptionalLong.empty()).value()).containsExactly(9);
  }

  @Test
  void eraseStorageClearsTheSettings() throws Exception {
    start(SimulatedDevice.builder(dataDir));
    SettingsMgmtClient settings = new SettingsMgmtClient(client);
    settings.write("app/x", new byte[] {1});
    settings.save(null);

    new ZephyrBasicMgmtClient(client).eraseStorage();
    resetAndWait();

    assertThatThrownBy(() -> settings.read("app/x", OptionalLong.empty())).isInstanceOf(GroupErrorException.class);
  }

  @Test
  void requestsAreCountedInAStatGroupThatARestartZeroes() throws Exception {
    start(SimulatedDevice.builder(dataDir));
    StatMgmtClient stats = new StatMgmtClient(client);
    new OsMgmtClient(client).echo("a");
    new OsMgmtClient(client).echo("b");

    // CMD_DONE fires after a response is sent, so a request is counted a moment after its answer
    long counted = 0;
    for (int i = 0; i < 500 && counted < 2; i++) {
      counted = stats.groupData("smp_svr_stats").fields().get("requests");
    }
    assertThat(counted).isGreaterThanOrEqualTo(2L);
    assertThat(stats.list().names()).contains("smp_svr_stats");

    resetAndWait();
    assertThat(stats.groupData("smp_svr_stats").fields().get("requests")).isLessThan(2L);
  }

  @Test
  void aResetScheduledBeforeCloseNeverRuns() throws Exception {
    device = SimulatedDevice.builder(dataDir).resetDelay(Duration.ofMillis(200)).start();
    InetSocketAddress address = device.serveUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .localAddress();
    client = new SmpClient(new UdpTransport(address));
    new OsMgmtClient(client).reset(null, null);

    device.close();
    Thread.sleep(400);

    assertThat(device.bootCount()).isEqualTo(1);
    device.restart();   // a closed device stays down
    assertThat(device.bootCount()).isEqualTo(1);
  }

  @Test
  void aRestartWaitsForTheRequestInProgress() throws Exception {
    start(SimulatedDevice.builder(dataDir));
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SettingsEvents.onAccess(device.callbacks(), (event, previous) -> {
      if ("app/slow".equals(event.name())) {
        inHandler.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return CallbackResult.OK;
    });
    SettingsMgmtClient settings = new SettingsMgmtClient(client);
    CompletableFuture<Void> write = CompletableFuture.runAsync(() -> settings.write("app/slow", new byte[] {1}));
    assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> restart = CompletableFuture.runAsync(device::restart);
    Thread.sleep(200);
    assertThat(device.bootCount()).as("the restart waits for the handler").isEqualTo(1);
    release.countDown();
    write.get(10, TimeUnit.SECONDS);
    restart.get(10, TimeUnit.SECONDS);

    assertThat(device.bootCount()).isEqualTo(2);
    // the write finished before the settings reloaded, so the unsaved value is gone
    assertThatThrownBy(() -> settings.read("app/slow", OptionalLong.empty()))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isEqualTo(SettingsMgmtError.KEY_NOT_FOUND));
  }

  @Test
  void settingsAreBoundedAsConfigured() throws Exception {
    start(SimulatedDevice.builder(dataDir).settingsStorage(1, 100));
    SettingsMgmtClient settings = new SettingsMgmtClient(client);
    settings.write("app/a", new byte[] {1});

    assertThatThrownBy(() -> settings.write("app/b", new byte[] {2}))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isEqualTo(SettingsMgmtError.UNKNOWN));
    assertThat(device.settings().maxEntries()).isEqualTo(1);
  }

  private void resetAndWait() throws InterruptedException {
    int before = device.bootCount();
    new OsMgmtClient(client).reset(null, null);
    for (int i = 0; i < 500 && device.bootCount() == before; i++) {
      Thread.sleep(10);
    }
    assertThat(device.bootCount()).isEqualTo(before + 1);
  }
}
