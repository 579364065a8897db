package io.mcumgr4j.server.transport.ble;

import io.mcumgr4j.gatt.Fragments;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.transport.ble.GattLink;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A {@link GattLink} wired to an {@link SmpServer} in the same JVM through a {@link
 * GattPeripheral}: writes and notifications cut to the ATT MTU as over the air, without a radio.
 * For tests of SMP over GATT and of the transfers at small MTUs.
 */
public final class InMemoryGattLink implements GattLink {

  private final int attMtu;
  private final int valueSize;
  private final GattPeripheral peripheral;
  private volatile Consumer<byte[]> values;
  private volatile boolean closed;

  public InMemoryGattLink(SmpServer server, int attMtu) {
    this.attMtu = attMtu;
    this.valueSize = Fragments.valueSize(attMtu);
    this.peripheral = new GattPeripheral(server, attMtu, "in-memory central " + System.identityHashCode(this),
        value -> {
          Consumer<byte[]> listener = values;
          if (!closed && listener != null) {
            listener.accept(value);
          }
        });
  }

  @Override
  public int attMtu() {
    return attMtu;
  }

  @Override
  public void write(byte[] value) throws IOException {
    if (closed) {
      throw new IOException("link closed");
    }
    if (value.length > valueSize) {
      throw new IOException("a value of " + value.length + " bytes exceeds ATT MTU " + attMtu + " - 3");
    }
    peripheral.written(value.clone());
  }

  @Override
  public void subscribe(Consumer<byte[]> values) {
    this.values = values;
  }

  @Override
  public String address() {
    return "in-memory";
  }

  @Override
  public void close() {
    closed = true;
  }
}
