package io.mcumgr4j.samples.extendos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link BoardOsMgmtClient} over UDP against a simulated device carrying {@link BoardOsMgmt}, set
 * up either way {@link BoardOsDevice} shows.
 */
class BoardOsMgmtTest {

  /** The two ways of adding the command. */
  enum Setup {
    EXTENDED_DISPATCHER(BoardOsDevice::replaceOsGroup),
    SECOND_REGISTRATION(BoardOsDevice::addBoardCommands);

    final BiConsumer<SimulatedDevice, BoardOsMgmt.BoardId> apply;

    Setup(BiConsumer<SimulatedDevice, BoardOsMgmt.BoardId> apply) {
      this.apply = apply;
    }
  }

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Setup.class)
  void inheritedAndNewCommandsAnswer(Setup setup) throws Exception {
    try (SimulatedDevice device = SimulatedDevice.builder(dir).resetDelay(Duration.ofMillis(10)).start()) {
      setup.apply.accept(device, BoardOsDevice.BOARD);
      InetSocketAddress address =
          device.serveUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).localAddress();
      try (SmpClient smp = new SmpClient(new UdpTransport(address),
          ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5)))) {
        BoardOsMgmtClient board = new BoardOsMgmtClient(smp);

        BoardOsMgmt.BoardId id = board.boardId();
        assertThat(id.board()).isEqualTo("nrf52840dk_nrf52840");
        assertThat(id.hwRev()).isEqualTo(3);
        assertThat(id.uid()).isEqualTo(BoardOsDevice.BOARD.uid());

        assertThat(board.echo("inherited").text()).isEqualTo("inherited");
        assertThat(board.params().bufSize()).isEqualTo(2048);
        // a client that knows only the built-in group sees no difference
        assertThat(new OsMgmtClient(smp).echo("plain os client").text()).isEqualTo("plain os client");

        // the inherited reset still restarts this device, whichever registration answers it
        int boots = device.bootCount();
        board.reset(null, null);
        for (int i = 0; i < 500 && device.bootCount() == boots; i++) {
          Thread.sleep(10);
        }
        assertThat(device.bootCount()).isEqualTo(boots + 1);
        assertThat(board.boardId().board()).isEqualTo("nrf52840dk_nrf52840");
      }
    }
  }
}
