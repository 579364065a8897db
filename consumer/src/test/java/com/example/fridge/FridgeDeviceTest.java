package com.example.fridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fridge group and the extended OS group on a simulated device, over UDP on loopback. */
class FridgeDeviceTest {

  @TempDir Path dir;

  @Test
  void customGroupAndExtendedOsGroupRoundTrip() throws Exception {
    Fridge fridge = new Fridge();
    fridge.doorOpened(12);
    fridge.doorOpened(-1);
    try (SimulatedDevice device = SimulatedDevice.builder(dir).start()) {
      device.server().register(new FridgeMgmtDispatcher(fridge));
      device.addCommands(new BoardOsMgmtDispatcher(new Board(device.implementation(OsMgmt.class))));
      InetSocketAddress address = device.serveUdp(new InetSocketAddress("127.0.0.1", 0)).localAddress();
      try (SmpClient smp = new SmpClient(new UdpTransport(address))) {
        FridgeMgmtClient client = new FridgeMgmtClient(smp);
        client.setTarget(35);
        assertEquals(new FridgeMgmt.State(35, List.of(12, -1)), client.state());
        GroupErrorException e = assertThrows(GroupErrorException.class, () -> client.setTarget(150));
        assertEquals(FridgeMgmtError.TOO_WARM, e.error());

        BoardOsMgmtClient os = new BoardOsMgmtClient(smp);
        assertEquals("hello", os.echo("hello").text());
        assertEquals(new BoardOsMgmt.BoardId("fridge_board", 3), os.boardId());
      }
    }
  }
}
