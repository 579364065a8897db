package io.mcumgr4j.testing;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.TransportInfo;
import java.io.ByteArrayOutputStream;

/**
 * A test group (id 64) whose write command 0 answers {@code {d: bstr}} with the same {@code d},
 * so packets of any size can be sent both ways through a server.
 */
public final class EchoGroup implements GroupHandler {

  public static final int GROUP = 64;
  /** Request packet size minus the length of {@code d}: header + {@code A1 61 64 59 hh ll}. */
  public static final int REQUEST_OVERHEAD = 8 + 6;

  /** The link the last request came in on. */
  public volatile TransportInfo lastTransport;

  @Override
  public int groupId() {
    return GROUP;
  }

  @Override
  public String name() {
    return "serial test echo";
  }

  @Override
  public int commandSlots() {
    return 1;
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    if (id != 0 || op != Op.WRITE) {
      return null;
    }
    return (ctx, request, response) -> {
      lastTransport = ctx.transport();
      response.key("d").bytes(readD(request));
    };
  }

  /** The CBOR payload {@code {"d": data}} with a 2-byte bstr length, as a client would send it. */
  public static byte[] request(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xA1, 0x61, 'd', 0x59, (byte) (data.length >> 8), (byte) data.length});
    out.writeBytes(data);
    return out.toByteArray();
  }

  /** The {@code d} of a response frame. */
  public static byte[] responseData(SmpFrame frame) {
    CborReader reader = CborReader.of(frame.payload());
    return readD(reader);
  }

  private static byte[] readD(CborReader reader) {
    byte[] d = null;
    reader.beginMap();
    for (String key = reader.nextKey(); key != null; key = reader.nextKey()) {
      if (key.equals("d")) {
        d = reader.bytes();
      } else {
        reader.skipValue();
      }
    }
    return d;
  }
}
