package io.mcumgr4j.cli;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.RequestContext;

/**
 * The two OS group (0) commands every SMP client starts with, written by hand on the handler SPI
 * until the built-in OS group exists: echo (id 0, read and write: {@code d} -> {@code r}) and
 * MCUmgr parameters (id 6, read: {@code buf_size}, {@code buf_count}). Ids 1..5 stay empty, so
 * they answer {@code rc} 8 as on a device built without them.
 */
final class EchoGroup implements GroupHandler {

  private static final int ECHO = 0;
  private static final int PARAMS = 6;

  private final CommandHandler echo = EchoGroup::echo;
  private final CommandHandler params = EchoGroup::params;

  @Override
  public int groupId() {
    return 0;
  }

  @Override
  public String name() {
    return "os mgmt";
  }

  @Override
  public int commandSlots() {
    return PARAMS + 1;
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    if (id == ECHO) {
      return echo;
    }
    return id == PARAMS && op == Op.READ ? params : null;
  }

  private static void echo(RequestContext ctx, CborReader in, CborWriter out) {
    String text = null;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("d")) {
        if (text != null) {
          throw new MgmtException(MgmtErr.EINVAL, "'d' given twice");
        }
        text = in.text();
      } else {
        in.skipValue();
      }
    }
    if (text == null) {
      throw new MgmtException(MgmtErr.EINVAL, "'d' is required");
    }
    out.key("r").text(text);
  }

  private static void params(RequestContext ctx, CborReader in, CborWriter out) {
    out.key("buf_size").uint(ctx.config().bufSize());
    out.key("buf_count").uint(ctx.config().bufCount());
  }
}
