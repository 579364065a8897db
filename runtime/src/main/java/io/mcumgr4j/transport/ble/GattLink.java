package io.mcumgr4j.transport.ble;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * One connection to a device's SMP characteristic ({@link io.mcumgr4j.gatt.SmpService}), as a
 * platform's Bluetooth stack offers it: what an adapter (BlueZ over D-Bus, Android, ...) implements
 * so that {@link GattTransport} can speak SMP over it without knowing the platform.
 */
public interface GattLink extends AutoCloseable {

  /** The ATT MTU negotiated for the connection, 23..517: a value carries 3 bytes less. */
  int attMtu();

  /**
   * Writes one value to the SMP characteristic without response (a write command), at most {@link
   * #attMtu()} - 3 bytes.
   */
  void write(byte[] value) throws IOException;

  /**
   * Enables notifications of the SMP characteristic; each notification's value is handed to {@code
   * values} in the order they arrive, on a thread of the adapter's. Called once, before the first
   * {@link #write}.
   */
  void subscribe(Consumer<byte[]> values) throws IOException;

  /** The device's address or name, for messages. */
  String address();

  /** Disconnects; idempotent. */
  @Override
  void close();
}
