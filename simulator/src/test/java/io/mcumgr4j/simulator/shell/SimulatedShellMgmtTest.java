package io.mcumgr4j.simulator.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.shell.ShellMgmt.Result;
import io.mcumgr4j.groups.shell.ShellMgmtClient;
import io.mcumgr4j.groups.shell.ShellMgmtDispatcher;
import io.mcumgr4j.groups.shell.ShellMgmtError;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.simulator.testing.UdpLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shell group through its generated client, over UDP. */
class SimulatedShellMgmtTest {

  private static final String RED = "\u001b[1;31m";
  private static final String RESET = "\u001b[m";

  private UdpLink loopback;

  @AfterEach
  void close() {
    if (loopback != null) {
      loopback.close();
    }
  }

  private static ShellRegistry registry() {
    return ShellRegistry.withDefaults(() -> "1.2.3", () -> 4242L)
        .register("flood", "Prints N times x, no line end.", (args, out) -> {
          out.print("x".repeat(Integer.parseInt(args.get(0))));
          return 0;
        })
        .register("ret", "Returns its argument.", (args, out) -> Integer.parseInt(args.get(0)));
  }

  private ShellMgmtClient start(SimulatedShellMgmt shell) throws Exception {
    SmpServer server = new SmpServer();
    server.register(new ShellMgmtDispatcher(shell));
    loopback = UdpLink.serve(server);
    return new ShellMgmtClient(loopback.client());
  }

  private ShellMgmtClient start() throws Exception {
    return start(new SimulatedShellMgmt(registry(), SimulatedShellMgmt.DEFAULT_MAX_LINE_LENGTH));
  }

  @Test
  void execAnswersTheOutputAndTheReturnCode() throws Exception {
    ShellMgmtClient shell = start();

    assertThat(shell.exec(List.of("kernel", "version"))).isEqualTo(new Result("\r\nZephyr version 1.2.3\r\n", 0));
    assertThat(shell.exec(List.of("kernel", "uptime"))).isEqualTo(new Result("\r\nUptime: 4242 ms\r\n", 0));
    assertThat(shell.exec(List.of("ret", "-22"))).isEqualTo(new Result("\r\n", -22));
    assertThat(new ShellMgmtClient(loopback.clientV1()).exec(List.of("ret", "7"))).isEqualTo(new Result("\r\n", 7));
  }

  @Test
  void anUnknownCommandIsASuccessWithEnoexecAndZephyrsMessage() throws Exception {
    ShellMgmtClient shell = start();

    assertThat(shell.exec(List.of("no_such_cmd", "x")))
        .isEqualTo(new Result("\r\n" + RED + "no_such_cmd: command not found\r\n" + RESET, -8));
  }

  @Test
  void argvIsJoinedWithSpacesAndSplitAgainByTheShell() throws Exception {
    ShellMgmtClient shell = start();

    assertThat(shell.exec(List.of("echo", "a b", "\"c  d\"")).output()).isEqualTo("\r\na b c  d\r\n");
    assertThat(shell.exec(List.of("kernel version")).output()).isEqualTo("\r\nZephyr version 1.2.3\r\n");
    assertThat(shell.exec(List.of(""))).isEqualTo(new Result("\r\n", -8));
  }

  @Test
  void aLineOf256BytesOrMoreIsTooLong() throws Exception {
    ShellMgmtClient shell = start();

    // "echo " + 250 = 255 bytes, the most a 256-byte command buffer takes
    assertThat(shell.exec(List.of("echo", "x".repeat(250))).output()).isEqualTo("\r\n" + "x".repeat(250) + "\r\n");
    assertThatThrownBy(() -> shell.exec(List.of("echo", "x".repeat(251))))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isEqualTo(ShellMgmtError.COMMAND_TOO_LONG));
    // bytes, not characters: 125 two-byte characters fit, 126 do not
    assertThat(shell.exec(List.of("echo", "\u00e9".repeat(125))).ret()).isZero();
    assertThatThrownBy(() -> shell.exec(List.of("echo", "\u00e9".repeat(126))))
        .isInstanceOf(GroupErrorException.class);
    assertThatThrownBy(() -> new ShellMgmtClient(loopback.clientV1()).exec(List.of("x".repeat(300))))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(MgmtErr.EINVAL.code()));
  }

  @Test
  void theLineLimitIsConfigurable() throws Exception {
    ShellMgmtClient shell = start(new SimulatedShellMgmt(registry(), 16));

    assertThat(shell.exec(List.of("echo", "1234567890")).ret()).isZero();
    assertThatThrownBy(() -> shell.exec(List.of("echo", "12345678901"))).isInstanceOf(GroupErrorException.class);
  }

  @Test
  void anEmptyArgvIsAnEmptyCommand() throws Exception {
    ShellMgmtClient shell = start();

    assertThatThrownBy(() -> shell.exec(List.of()))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isEqualTo(ShellMgmtError.EMPTY_COMMAND));
    assertThatThrownBy(() -> new ShellMgmtClient(loopback.clientV1()).exec(List.of()))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(MgmtErr.EINVAL.code()));
  }

  @Test
  void requestsWithoutAnArgvOfStringsAreInvalid() throws Exception {
    start();

    assertThat(raw(CborWriter.forRequest().beginMap(0).endMap())).isEqualTo(3);
    assertThat(raw(CborWriter.forRequest().beginMap(1).key("args").beginArray(1).text("ls").endArray().endMap()))
        .isEqualTo(3);
    assertThat(raw(CborWriter.forRequest().beginMap(1).key("argv").text("help").endMap())).isEqualTo(3);
    assertThat(raw(CborWriter.forRequest().beginMap(1).key("argv").beginArray(1).uint(1).endArray().endMap()))
        .isEqualTo(3);
    assertThat(raw(CborWriter.forRequest().beginMap(1).key("argv").beginArray(2).text("help").uint(1).endArray()
        .endMap())).isEqualTo(3);
    assertThat(raw(CborWriter.forRequest().beginMap(1).key("argv").beginArray(1).text("help").endArray().endMap()))
        .isZero();
  }

  @Test
  void theShellGroupAnswersOnlyWrites() throws Exception {
    start();
    byte[] request = CborWriter.forRequest().beginMap(1).key("argv").beginArray(1).text("help").endArray().endMap()
        .toByteArray();

    byte[] response = loopback.client().send(Op.READ, 9, 0, request).payload();

    assertThatThrownBy(() -> ResponseErrors.check(response))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(MgmtErr.ENOTSUP.code()));
  }

  @Test
  void theOutputIsCutSilentlyAtTheDummyBackendsBuffer() throws Exception {
    ShellMgmtClient shell = start();

    String output = shell.exec(List.of("flood", "1000")).output();

    // 300-byte buffer, one byte kept for the terminator
    assertThat(output).isEqualTo("\r\n" + "x".repeat(297));
  }

  @Test
  void aCutNeverSplitsACharacter() throws Exception {
    ShellRegistry registry = registry().register("accents", "Prints e-acute characters.", (args, out) -> {
      out.print("\u00e9".repeat(10));
      return 0;
    });
    ShellMgmtClient shell = start(new SimulatedShellMgmt(registry, 256, 8));

    // 7 bytes: the line end and two 2-byte characters, the third would not fit whole
    assertThat(shell.exec(List.of("accents")).output()).isEqualTo("\r\n\u00e9\u00e9");
  }

  @Test
  void outputLargerThanTheServersBufferAnswersEmsgsize() throws Exception {
    ShellMgmtClient shell = start(new SimulatedShellMgmt(registry(), 256, 4000));

    assertThat(shell.exec(List.of("flood", "2000")).output()).hasSize(2002);
    assertThatThrownBy(() -> shell.exec(List.of("flood", "3000")))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(MgmtErr.EMSGSIZE.code()));
  }

  @Test
  void aThrowingCommandAnswersEio() throws Exception {
    ShellMgmtClient shell = start();

    // flood without its argument: the command fails reading it
    Result result = shell.exec(List.of("flood"));

    assertThat(result.ret()).isEqualTo(-5);
    assertThat(result.output()).startsWith("\r\n" + RED + "flood: java.lang.").contains("IndexOutOfBoundsException")
        .endsWith("\r\n" + RESET);
  }

  @Test
  void constructorArgumentsAreChecked() {
    assertThatThrownBy(() -> new SimulatedShellMgmt(registry(), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SimulatedShellMgmt(registry(), 256, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SimulatedShellMgmt(null, 256)).isInstanceOf(NullPointerException.class);
    assertThat(new SimulatedShellMgmt(registry(), 2).exec(List.of("x")).ret()).isEqualTo(-8);
  }

  @Test
  void theOutputIsUtf8() throws Exception {
    ShellMgmtClient shell = start();

    Result result = shell.exec(List.of("echo", "h\u00e9llo", "\uD83D\uDE00"));

    assertThat(result.output()).isEqualTo("\r\nh\u00e9llo \uD83D\uDE00\r\n");
    assertThat(result.output().getBytes(StandardCharsets.UTF_8)).hasSize(2 + 6 + 1 + 4 + 2);
  }

  /** Sends a hand-made exec request; answers its {@code rc}. */
  private int raw(CborWriter payload) {
    byte[] response = loopback.client().send(Op.WRITE, 9, 0, payload.toByteArray()).payload();
    try {
      ResponseErrors.check(response, ShellMgmtError::forCode);
      return 0;
    } catch (MgmtException e) {
      return e.rc();
    }
  }
}
