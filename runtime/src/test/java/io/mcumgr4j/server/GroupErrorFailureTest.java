package io.mcumgr4j.server;

import static io.mcumgr4j.server.Packets.bytes;
import static io.mcumgr4j.server.Packets.message;
import static io.mcumgr4j.server.Packets.rcResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.CommandEvent;
import io.mcumgr4j.callback.MgmtEventIds;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writing a group error can fail too; it is answered like a failing handler. */
class GroupErrorFailureTest {

  private static final int GROUP = 71;
  private static final int CMD_ENTRIES_TOO_LONG = 0;
  private static final int CMD_ENTRIES_THROW = 1;
  private static final int CMD_RC_ZERO = 2;
  private static final int V2 = 1;
  private static final byte[] EMPTY_MAP = bytes("a0");

  private final SmpServer server = new SmpServer(ServerConfig.DEFAULT.withBufSize(256));
  private final List<CommandEvent> done = new CopyOnWriteArrayList<>();

  GroupErrorFailureTest() {
    server.register(new TestGroups.EchoGroup());
    server.register(TestGroups.group(GROUP, "failing group errors", 3, (id, op) -> switch (id) {
      case CMD_ENTRIES_TOO_LONG -> (ctx, in, out) -> {
        throw new GroupErrorException(TestGroups.TestError.NOT_WANTED)
            .withEntries(w -> w.bytes("blob", new byte[1000]));
      };
      case CMD_ENTRIES_THROW -> (ctx, in, out) -> {
        throw new GroupErrorException(TestGroups.TestError.NOT_WANTED)
            .withEntries(w -> {
              throw new IllegalStateException("bug in the entries");
            });
      };
      case CMD_RC_ZERO -> (ctx, in, out) -> {
        out.key("partial").text("output");
        throw new MgmtException(0, "zero");
      };
      default -> null;
    }));
    server.callbacks().register(MgmtEventIds.CMD_DONE, (event, data, previous) -> {
      done.add((CommandEvent) data);
      return CallbackResult.OK;
    });
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void entriesTooLongForTheBufferAreEmsgsize() {
    assertThat(Packets.process(server, message(0, V2, GROUP, 1, CMD_ENTRIES_TOO_LONG, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V2, GROUP, 1, CMD_ENTRIES_TOO_LONG, 7));
    assertThat(done).extracting(CommandEvent::rc).containsExactly(7);
  }

  @Test
  void entriesThatThrowAreEunknownAndTheCommandIsDone() {
    assertThat(Packets.process(server, message(0, V2, GROUP, 2, CMD_ENTRIES_THROW, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V2, GROUP, 2, CMD_ENTRIES_THROW, 1));
    assertThat(done).extracting(CommandEvent::rc).containsExactly(1);
  }

  @Test
  void aMgmtExceptionWithRcZeroIsNotASuccess() {
    assertThat(Packets.process(server, message(2, V2, GROUP, 3, CMD_RC_ZERO, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V2, GROUP, 3, CMD_RC_ZERO, 1));
    assertThat(done).extracting(CommandEvent::rc).containsExactly(1);
  }

  @Test
  void aFailedGroupErrorStillAnswersTheServerLaterOn() {
    assertThat(Packets.process(server, message(0, V2, GROUP, 4, CMD_ENTRIES_THROW, EMPTY_MAP))).hasSize(1);
    byte[] echo = message(2, V2, 0, 5, 0, TestGroups.echoRequest("still here"));
    List<String> rsp = Packets.process(server, echo);
    assertThat(rsp).hasSize(1);
    assertThat(TestGroups.echoText(java.util.Arrays.copyOfRange(bytes(rsp.get(0)), 8, bytes(rsp.get(0)).length)))
        .isEqualTo("still here");
  }
}
