package io.mcumgr4j.transport;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The client side of a link to one SMP server: sends request packets and hands every complete
 * packet that arrives to a receiver. Implementations carry whole SMP packets (header + payload);
 * framing (UDP datagrams, serial console frames) is theirs.
 */
public interface SmpTransport extends AutoCloseable {

  /**
   * Starts receiving. {@code receiver} is called with each complete packet, on a transport thread
   * or on a thread in {@link #receiveWhile}, possibly several at once; the array is the receiver's
   * to keep. Called once, before the first {@link #send}.
   */
  void start(Consumer<byte[]> receiver) throws IOException;

  /**
   * Reads the link on the calling thread, handing what arrives to the receiver, while {@code
   * waiting} holds and for at most {@code nanos}; may return early (the caller then waits as it
   * would have). A thread waiting for its answer thus takes it from the link itself instead of
   * being woken by the transport's thread, a hand-over that costs a good part of a round trip on a
   * fast link. The default reads nothing and returns at once.
   */
  default void receiveWhile(BooleanSupplier waiting, long nanos) {}

  /**
   * Makes the threads in {@link #receiveWhile} look again at what they wait for: something other
   * than a packet ended a wait (a timeout, a failed send, a close). The default does nothing.
   */
  default void wakeReceivers() {}

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
   * How long the link takes to carry a packet of {@code packetBytes} one way, where it is slow
   * enough for that to matter and knows its rate (a serial port opened at a baud rate); 0 where it
   * does not. Transfers add it to the round trip they wait for before resending a large packet
   * whose round trip they have not measured.
   */
  default long transmitNanos(int packetBytes) {
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
