package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hand-written {@link GroupHandler}s for the server, client and transport tests (no annotation
 * processor involved): an OS-like echo group and a group that fails in every way a handler can.
 */
public final class TestGroups {

  /** Group id of {@link TestGroup} (the first application group id). */
  public static final int TEST_GROUP = 64;

  /** Test group commands. */
  public static final int CMD_MGMT_ERROR = 0;
  public static final int CMD_GROUP_ERROR = 1;
  public static final int CMD_KEY_THEN_GROUP_ERROR = 2;
  public static final int CMD_BLOB = 3;
  public static final int CMD_BOOM = 4;
  public static final int CMD_WRITE_ONLY = 5;
  /** Slot 6 is left empty (an extension may fill it). */
  public static final int CMD_EMPTY_SLOT = 6;
  public static final int CMD_CONTEXT = 7;

  private TestGroups() {}

  /** The test group's SMP v2 errors, with their v1 translations. */
  public enum TestError implements GroupError {
    UNKNOWN(1, MgmtErr.EUNKNOWN),
    NOT_WANTED(2, MgmtErr.EACCESSDENIED),
    TOO_LATE(3, MgmtErr.ETIMEOUT);

    private final int rc;
    private final MgmtErr legacy;

    TestError(int rc, MgmtErr legacy) {
      this.rc = rc;
      this.legacy = legacy;
    }

    @Override
    public int group() {
      return TEST_GROUP;
    }

    @Override
    public int rc() {
      return rc;
    }

    @Override
    public MgmtErr legacy() {
      return legacy;
    }

    /** The constant for a code, or {@code null}. */
    public static TestError of(int rc) {
      for (TestError e : values()) {
        if (e.rc == rc) {
          return e;
        }
      }
      return null;
    }
  }

  /**
   * Mimics Zephyr's OS group (0): echo (command 0, read and write: {@code d:tstr} ->
   * {@code r:tstr}) and MCUmgr parameters (command 6, read: {@code buf_size}, {@code buf_count}
   * from the server's configuration). Every other slot of its table is empty.
   */
  public static final class EchoGroup implements GroupHandler {

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
      return 9;
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      return switch (id) {
        case 0 -> TestGroups::echo;
        case 6 -> op == Op.READ ? TestGroups::params : null;
        default -> null;
      };
    }
  }

  /**
   * Group {@link #TEST_GROUP}: one command per way of failing, plus a write-only command, an empty
   * slot and a command that reports its {@link RequestContext}.
   */
  public static final class TestGroup implements GroupHandler {

    /** How often {@link #CMD_WRITE_ONLY} ran (to see that a hook skipped a handler). */
    public final AtomicInteger writeOnlyCalls = new AtomicInteger();

    @Override
    public int groupId() {
      return TEST_GROUP;
    }

    @Override
    public String name() {
      return "test mgmt";
    }

    @Override
    public int commandSlots() {
      return 8;
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      boolean read = op == Op.READ;
      return switch (id) {
        case CMD_MGMT_ERROR -> read
            ? (ctx, in, out) -> {
                out.key("partial").uint(1);
                throw new MgmtException(MgmtErr.EBADSTATE, "not now");
              }
            : null;
        case CMD_GROUP_ERROR -> (ctx, in, out) -> {
          out.key("partial").uint(1);
          throw new GroupErrorException(TestError.NOT_WANTED, "go away");
        };
        case CMD_KEY_THEN_GROUP_ERROR -> read
            ? (ctx, in, out) -> {
                out.key("len").uint(5);
                ctx.writeGroupError(out, TestError.TOO_LATE);
              }
            : null;
        case CMD_BLOB -> read ? TestGroups::blob : null;
        case CMD_BOOM -> read
            ? (ctx, in, out) -> {
                throw new IllegalStateException("boom");
              }
            : null;
        case CMD_WRITE_ONLY -> read
            ? null
            : (ctx, in, out) -> writeOnlyCalls.incrementAndGet();
        case CMD_CONTEXT -> read ? TestGroups::context : null;
        default -> null;
      };
    }

    @Override
    public MgmtErr translateError(int rc) {
      TestError e = TestError.of(rc);
      return e == null ? MgmtErr.EUNKNOWN : e.legacy();
    }
  }

  /**
   * A second registration under {@link #TEST_GROUP} that fills only the slot {@link TestGroup}
   * leaves empty ({@link #CMD_EMPTY_SLOT}, read: {@code {ext: true}}).
   */
  public static final class ExtensionGroup implements GroupHandler {

    @Override
    public int groupId() {
      return TEST_GROUP;
    }

    @Override
    public String name() {
      return "test extension";
    }

    @Override
    public int commandSlots() {
      return CMD_EMPTY_SLOT + 1;
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      return id == CMD_EMPTY_SLOT && op == Op.READ ? (ctx, in, out) -> out.key("ext").bool(true) : null;
    }
  }

  /**
   * A group whose commands (every id, read and write) fail with the group error {@code (group,
   * rc)}, as Zephyr's stat, settings and FS groups do for a missing entry.
   */
  public static final class FailingGroup implements GroupHandler {

    private final int group;
    private final int rc;

    public FailingGroup(int group, int rc) {
      this.group = group;
      this.rc = rc;
    }

    @Override
    public int groupId() {
      return group;
    }

    @Override
    public String name() {
      return "failing " + group;
    }

    @Override
    public int commandSlots() {
      return 256;
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      return (ctx, in, out) -> {
        throw new GroupErrorException(GroupError.of(group, rc));
      };
    }
  }

  /** Zephyr's echo: {@code d} (required, once) -> {@code r}. */
  static void echo(RequestContext ctx, CborReader in, CborWriter out) {
    String d = null;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("d")) {
        if (d != null) {
          throw new MgmtException(MgmtErr.EINVAL, "'d' twice");
        }
        d = in.text();
      } else {
        in.skipValue();
      }
    }
    if (d == null) {
      throw new MgmtException(MgmtErr.EINVAL, "'d' missing");
    }
    out.key("r").text(d);
  }

  static void params(RequestContext ctx, CborReader in, CborWriter out) {
    out.key("buf_size").uint(ctx.config().bufSize());
    out.key("buf_count").uint(ctx.config().bufCount());
  }

  /** {@code n:uint} -> {@code b:bstr} of {@code n} bytes (to overflow the response buffer). */
  static void blob(RequestContext ctx, CborReader in, CborWriter out) {
    int n = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("n")) {
        n = (int) in.uint(0xFFFF);
      } else {
        in.skipValue();
      }
    }
    out.key("b").bytes(new byte[n]);
  }

  /** What the handler sees of its link: {@code transport}, {@code peer}, {@code mtu}, {@code version}, {@code seq}. */
  static void context(RequestContext ctx, CborReader in, CborWriter out) {
    out.key("transport").text(ctx.transport().transport());
    out.key("peer").text(ctx.peer());
    out.key("mtu").uint(ctx.mtu());
    out.key("version").uint(ctx.version());
    out.key("seq").uint(ctx.sequence());
  }

  // ---- client-side helpers ----

  /** An echo request payload {@code {d: text}} (definite-length map, as clients send). */
  public static byte[] echoRequest(String text) {
    return new CborWriter().startMap(1).key("d").text(text).toByteArray();
  }

  /** The {@code r} text of an echo response payload. */
  public static String echoText(byte[] responsePayload) {
    return textField(responsePayload, "r");
  }

  /** A text value of a response map, or {@code null}. */
  public static String textField(byte[] payload, String name) {
    CborReader in = CborReader.of(payload);
    in.beginMap();
    String found = null;
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals(name)) {
        found = in.text();
      } else {
        in.skipValue();
      }
    }
    return found;
  }

  /** An unsigned value of a response map, or -1. */
  public static long uintField(byte[] payload, String name) {
    CborReader in = CborReader.of(payload);
    in.beginMap();
    long found = -1;
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals(name)) {
        found = in.uint32();
      } else {
        in.skipValue();
      }
    }
    return found;
  }

  /** A server with {@link EchoGroup} and {@link TestGroup} registered. */
  public static SmpServer server(ServerConfig config) {
    SmpServer server = new SmpServer(config);
    server.register(new EchoGroup());
    server.register(new TestGroup());
    return server;
  }

  /** Gives a test group's handler for a command id and op, or {@code null} for an empty slot. */
  @FunctionalInterface
  public interface Handlers {
    CommandHandler handler(int id, Op op);
  }

  /** A small group of a test's own, without an anonymous class's four methods. */
  public static GroupHandler group(int id, String name, int commandSlots, Handlers handlers) {
    return new GroupHandler() {
      @Override
      public int groupId() {
        return id;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public int commandSlots() {
        return commandSlots;
      }

      @Override
      public CommandHandler handler(int command, Op op) {
        return handlers.handler(command, op);
      }
    };
  }
}
