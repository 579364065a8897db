package io.mcumgr4j.server.transport.ble;

import io.mcumgr4j.gatt.Fragments;
import io.mcumgr4j.gatt.SmpReassembler;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The device's side of one GATT connection, as Zephyr's {@code smp_bt} with packet reassembly:
 * the written values are put back together by the SMP header's length and handed to the server;
 * each response goes back as notifications of at most ATT MTU - 3 bytes. What a fake Bluetooth
 * stack or an in-memory link feeds and listens to.
 */
public final class GattPeripheral {

  private static final System.Logger LOG = System.getLogger(GattPeripheral.class.getName());

  private final SmpReassembler requests;

  /**
   * @param attMtu the connection's ATT MTU
   * @param peer the central's address, which orders its requests apart from other peers'
   * @param notifications sends one notification value; called on a server worker
   */
  public GattPeripheral(SmpServer server, int attMtu, String peer, Fragments.ValueSink notifications) {
    int valueSize = Fragments.valueSize(attMtu);
    TransportInfo info = new TransportInfo("ble", peer, server.config().bufSize());
    this.requests = new SmpReassembler(server.config().bufSize(), false, packet ->
        server.submit(packet, 0, packet.length, info, (rsp, off, len) -> {
          try {
            Fragments.split(rsp, off, len, valueSize, notifications);
          } catch (IOException e) {
            LOG.log(Level.WARNING, "a notification to " + peer + " failed: " + e);
          }
        }));
  }

  /** Takes one value the central wrote to the SMP characteristic; called in the order written. */
  public synchronized void written(byte[] value) {
    requests.feed(value);
  }
}
