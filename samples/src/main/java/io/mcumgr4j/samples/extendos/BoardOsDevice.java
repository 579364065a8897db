package io.mcumgr4j.samples.extendos;

import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.simulator.SimulatedDevice;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

/**
 * Puts {@link BoardOsMgmt} on a {@link SimulatedDevice}, two ways:
 *
 * <ul>
 *   <li>{@link #replaceOsGroup}: the generated {@link BoardOsMgmtDispatcher} takes the OS group's
 *       place, answering the inherited commands (through the device's own OS implementation) and
 *       the new one;
 *   <li>{@link #addBoardCommands}: the device's own OS dispatcher stays and {@link
 *       SimulatedDevice#addCommands} registers only the new slot beside it; the server falls
 *       through to it because the first registration's slot 64 is empty.
 * </ul>
 *
 * <p>Run: {@code java -cp ... io.mcumgr4j.samples.extendos.BoardOsDevice [--fall-through] [host]
 * [port]} (default 127.0.0.1 1337), then call {@code board_id} with {@link BoardOsMgmtClient}.
 */
public final class BoardOsDevice {

  /** What this sample's board answers to {@code board_id}. */
  public static final BoardOsMgmt.BoardId BOARD =
      new BoardOsMgmt.BoardId("nrf52840dk_nrf52840", 3, new byte[] {0x1c, 0x2d, 0x3e, 0x4f, 0x50, 0x61, 0x72, 0x03});

  private BoardOsDevice() {}

  /** Replaces the device's OS group with the extended one. */
  public static void replaceOsGroup(SimulatedDevice device, BoardOsMgmt.BoardId id) {
    SmpServer server = device.server();
    for (GroupHandler os : server.groups(BoardOsMgmtDispatcher.GROUP_ID)) {
      server.unregister(os);
    }
    server.register(new BoardOsMgmtDispatcher(new BoardOsMgmtImpl(device.implementation(OsMgmt.class), id)));
  }

  /** Adds only the new command, next to the device's own OS group. */
  public static void addBoardCommands(SimulatedDevice device, BoardOsMgmt.BoardId id) {
    device.addCommands(new BoardOsMgmtDispatcher(new BoardOsMgmtImpl(device.implementation(OsMgmt.class), id)));
  }

  public static void main(String[] args) throws Exception {
    boolean fallThrough = args.length > 0 && args[0].equals("--fall-through");
    int first = fallThrough ? 1 : 0;
    String host = args.length > first ? args[first] : "127.0.0.1";
    int port = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 1337;
    CountDownLatch stop = new CountDownLatch(1);
    try (SimulatedDevice device = SimulatedDevice.builder(Files.createTempDirectory("board-os")).start()) {
      if (fallThrough) {
        addBoardCommands(device, BOARD);
      } else {
        replaceOsGroup(device, BOARD);
      }
      UdpServerEndpoint endpoint = device.serveUdp(new InetSocketAddress(host, port));
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      System.out.println("os group with board_id (" + (fallThrough ? "second registration" : "extended dispatcher")
          + ") on udp " + endpoint.localAddress() + "; Ctrl-C stops");
      stop.await();
    }
  }
}
