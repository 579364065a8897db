package io.mcumgr4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.testing.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Builds request packets by hand and runs them through {@link SmpServer#process}. */
public final class Packets {

  /** What the tests pass as the link. */
  public static final TransportInfo LINK = new TransportInfo("test", "test peer", 2048);

  private static final HexFormat HEX = HexFormat.of();

  private Packets() {}

  /** A sink that keeps a copy of every response packet. */
  public static final class Collector implements ResponseSink {
    private final List<byte[]> packets = new ArrayList<>();

    @Override
    public synchronized void send(byte[] packet, int offset, int length) {
      packets.add(Arrays.copyOfRange(packet, offset, offset + length));
    }

    public synchronized List<byte[]> packets() {
      return List.copyOf(packets);
    }

    /** The responses as lower-case hex strings. */
    public synchronized List<String> hex() {
      return packets.stream().map(HEX::formatHex).toList();
    }
  }

  /** Runs one received packet through the server and returns its responses as hex strings. */
  public static List<String> process(SmpServer server, byte[] packet) {
    Collector sink = new Collector();
    server.process(packet, 0, packet.length, LINK, sink);
    return sink.hex();
  }

  /** As {@link #process(SmpServer, byte[])} with the packet in hex. */
  public static List<String> process(SmpServer server, String packetHex) {
    return process(server, bytes(packetHex));
  }

  /** A header with the given raw fields followed by {@code payload}; the length is the payload's. */
  public static byte[] message(int op, int version, int group, int seq, int command, byte[] payload) {
    return message(op, version, group, seq, command, payload.length, payload);
  }

  /** A header with an explicit length field followed by {@code payload} (which may differ). */
  public static byte[] message(
      int op, int version, int group, int seq, int command, int length, byte[] payload) {
    byte[] out = new byte[SmpHeader.SIZE + payload.length];
    new SmpHeader(op, version, 0, length, group, seq, command).encode(out, 0);
    System.arraycopy(payload, 0, out, SmpHeader.SIZE, payload.length);
    return out;
  }

  /** Packets laid back to back, as one transport packet. */
  public static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }

  public static byte[] bytes(String hex) {
    return HEX.parseHex(hex.replace(" ", "").toLowerCase());
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** A response header in hex: byte0 from version and op, flags 0, then the given fields. */
  public static String header(int op, int version, int length, int group, int seq, int command) {
    return hex(new SmpHeader(op, version, 0, length, group, seq, command).encode());
  }

  /** The whole {@code {rc}} response (Zephyr's {@code BF 62 72 63 <rc> FF}) for rc 0..23. */
  public static String rcResponse(int op, int version, int group, int seq, int command, int rc) {
    return header(op, version, 6, group, seq, command) + "bf627263" + String.format("%02x", rc) + "ff";
  }

  /**
   * Sends the os/echo request of Zephyr's recorded {@code link} exchange through {@code client} and
   * checks that the answer is Zephyr's: its payload byte for byte, op 3, its header's length.
   */
  public static SmpFrame assertZephyrEcho(SmpClient client, String link) {
    Vectors.Exchange zephyr = Vectors.get(link, "os/echo");
    SmpFrame rsp = client.send(Op.WRITE, 0, 0, zephyr.requestPayload());
    assertThat(hex(rsp.payload())).isEqualTo(hex(zephyr.responsePayload()));
    assertThat(rsp.header().op()).isEqualTo(3);
    assertThat(rsp.header().length()).isEqualTo(rsp.payload().length);
    return rsp;
  }
}
