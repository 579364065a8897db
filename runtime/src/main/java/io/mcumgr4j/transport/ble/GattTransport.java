package io.mcumgr4j.transport.ble;

import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.gatt.Fragments;
import io.mcumgr4j.gatt.SmpReassembler;
import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * SMP over Bluetooth LE GATT, on any platform's {@link GattLink}: a request goes out as write
 * commands of at most ATT MTU - 3 bytes, a response is put back together from notifications by the
 * length in its SMP header ({@link SmpReassembler}).
 *
 * <p>{@link #mtu()} is the largest request packet: by default one write's worth, which every
 * device takes. A device built with {@code CONFIG_MCUMGR_TRANSPORT_BT_REASSEMBLY} puts a request of
 * several writes back together in its buffer; for it, pass its {@code buf_size} as {@code
 * maxPacket} and transfers send chunks of that size.
 */
public final class GattTransport implements SmpTransport {

  private final GattLink link;
  private final int valueSize;
  private final int maxPacket;

  /** A transport whose requests fit one write each. */
  public GattTransport(GattLink link) {
    this(link, Fragments.valueSize(link.attMtu()));
  }

  /**
   * @param maxPacket the largest request packet sent, header included; more than one write's worth
   *     only for a device that reassembles requests
   */
  public GattTransport(GattLink link, int maxPacket) {
    this.link = Objects.requireNonNull(link, "link");
    this.valueSize = Fragments.valueSize(link.attMtu());
    if (maxPacket < SmpHeader.SIZE || maxPacket > SmpHeader.SIZE + SmpHeader.MAX_LENGTH) {
      throw new IllegalArgumentException("maxPacket " + maxPacket + " outside 8.." + (SmpHeader.SIZE + SmpHeader.MAX_LENGTH));
    }
    this.maxPacket = maxPacket;
  }

  @Override
  public void start(Consumer<byte[]> receiver) throws IOException {
    // responses may be as large as the SMP length field allows: the device decides their size
    SmpReassembler responses = new SmpReassembler(SmpHeader.SIZE + SmpHeader.MAX_LENGTH, true, receiver);
    link.subscribe(responses::feed);
  }

  /** Writes the packet's values back to back; two packets' values never interleave. */
  @Override
  public synchronized void send(byte[] packet) throws IOException {
    if (packet.length > maxPacket) {
      throw new IllegalArgumentException("packet of " + packet.length + " bytes exceeds " + maxPacket);
    }
    Fragments.split(packet, 0, packet.length, valueSize, link::write);
  }

  @Override
  public int mtu() {
    return maxPacket;
  }

  @Override
  public String name() {
    return "ble";
  }

  @Override
  public String address() {
    return "ble:" + link.address();
  }

  @Override
  public void close() {
    link.close();
  }
}
