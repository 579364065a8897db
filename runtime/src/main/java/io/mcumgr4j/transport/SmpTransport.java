package io.mcumgr4j.transport;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The client side of a link to one SMP server: sends request packets and hands every complete
 * packet that arrives to a receiver. Implementations carry whole SMP packets (header + payload);
 * framing (UDP datagrams, serial console frames) is theirs.
 */
public interface SmpTransport extends AutoCloseable {

  /**
   * Starts receiving. {@code receiver} is called on a transport thread with each complete packet;
   * the array is the receiver's to keep. Called once, before the first {@link #send}.
   */
  void start(Consumer<byte[]> receiver) throws IOException;

  /** Sends one SMP packet (header + payload). */
  void send(byte[] packet) throws IOException;

  /**
   * The largest SMP packet (header included) this link carries in one message: the UDP payload
   * limit, or for serial a configured bound (the console framing itself splits any size).
   */
  int mtu();

  /** A short name for logs and {@code RequestContext}: {@code udp}, {@code serial}, {@code memory}. */
  String name();

  /**
   * Bytes of the device's SMP buffer that the link's framing takes beside the packet: 0 for UDP,
   * 4 for the serial console framing (its decoded length and CRC16 share the buffer). Transfers
   * size their packets to {@code buf_size} less this.
   */
  default int bufferReserve() {
    return 0;
  }

  /**
   * Where the link goes, for messages: {@code udp:192.0.2.1:1337}, {@code serial:/dev/ttyACM0}.
   * Defaults to {@link #name()}.
   */
  default String address() {
    return name();
  }

  /** Stops receiving and releases the link; pending sends fail. Idempotent. */
  @Override
  void close();
}
