package io.mcumgr4j.server;

import static io.mcumgr4j.server.Packets.bytes;
import static io.mcumgr4j.server.Packets.concat;
import static io.mcumgr4j.server.Packets.header;
import static io.mcumgr4j.server.Packets.message;
import static io.mcumgr4j.server.Packets.rcResponse;
import static io.mcumgr4j.server.TestGroups.CMD_BLOB;
import static io.mcumgr4j.server.TestGroups.CMD_BOOM;
import static io.mcumgr4j.server.TestGroups.CMD_GROUP_ERROR;
import static io.mcumgr4j.server.TestGroups.CMD_MGMT_ERROR;
import static io.mcumgr4j.server.TestGroups.CMD_WRITE_ONLY;
import static io.mcumgr4j.server.TestGroups.TEST_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.CommandEvent;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import io.mcumgr4j.cbor.CborWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CMD_RECV and CMD_DONE as the server fires them (Zephyr's smp.c). */
class CallbackTest {

  private static final int V1 = 0;
  private static final int V2 = 1;
  private static final byte[] EMPTY_MAP = bytes("a0");

  private final TestGroups.TestGroup testGroup = new TestGroups.TestGroup();
  private final SmpServer server = new SmpServer(ServerConfig.DEFAULT, new MgmtCallbacks());
  private final List<CommandEvent> received = new CopyOnWriteArrayList<>();
  private final List<CommandEvent> done = new CopyOnWriteArrayList<>();

  CallbackTest() {
    server.register(new TestGroups.EchoGroup());
    server.register(testGroup);
    server.callbacks().register(MgmtEventIds.CMD_DONE, (event, data, previous) -> {
      done.add((CommandEvent) data);
      return CallbackResult.OK;
    });
  }

  @AfterEach
  void close() {
    server.close();
  }

  private void recordReceived() {
    server.callbacks().register(MgmtEventIds.CMD_RECV, (event, data, previous) -> {
      assertThat(event).isEqualTo(MgmtEventIds.CMD_RECV);
      received.add((CommandEvent) data);
      return CallbackResult.OK;
    });
  }

  @Test
  void cmdRecvSeesTheRequestBeforeTheHandlerRuns() {
    recordReceived();
    Packets.process(server, message(2, V2, TEST_GROUP, 1, CMD_WRITE_ONLY, EMPTY_MAP));
    Packets.process(server, message(0, V1, 0, 2, 6, EMPTY_MAP));

    assertThat(received).containsExactly(
        new CommandEvent(TEST_GROUP, CMD_WRITE_ONLY, 2, 0), new CommandEvent(0, 6, 0, 0));
    assertThat(testGroup.writeOnlyCalls).hasValue(1);
  }

  @Test
  void cmdRecvVetoWithRcSkipsTheHandler() {
    server.callbacks().register(MgmtEventIds.CMD_RECV,
        (event, data, previous) -> CallbackResult.rc(MgmtErr.EACCESSDENIED));

    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 1, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V2, TEST_GROUP, 1, CMD_WRITE_ONLY, 11));
    assertThat(Packets.process(server, message(2, V1, TEST_GROUP, 2, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V1, TEST_GROUP, 2, CMD_WRITE_ONLY, 11));
    assertThat(testGroup.writeOnlyCalls).hasValue(0);
    assertThat(done).containsExactly(
        new CommandEvent(TEST_GROUP, CMD_WRITE_ONLY, 2, 11), new CommandEvent(TEST_GROUP, CMD_WRITE_ONLY, 2, 11));
  }

  @Test
  void cmdRecvVetoWithAUserRcAboveAByte() {
    server.callbacks().register(MgmtEventIds.CMD_RECV, (event, data, previous) -> CallbackResult.rc(1000));
    // {rc: 1000}
    assertThat(Packets.process(server, message(2, V2, 0, 1, 0, TestGroups.echoRequest("x"))))
        .containsExactly(header(3, V2, 8, 0, 1, 0) + "bf6272631903e8ff");
  }

  @Test
  void cmdRecvVetoWithAGroupErrorIsAnErrMapForV2AndTranslatedForV1() {
    server.callbacks().register(MgmtEventIds.CMD_RECV,
        (event, data, previous) -> CallbackResult.groupError(TestGroups.TestError.NOT_WANTED));

    String payload = "bf63657272bf6567726f7570184062726302ffff";
    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 1, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(header(3, V2, 20, TEST_GROUP, 1, CMD_WRITE_ONLY) + payload);
    assertThat(Packets.process(server, message(2, V1, TEST_GROUP, 2, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V1, TEST_GROUP, 2, CMD_WRITE_ONLY, 11));
    assertThat(testGroup.writeOnlyCalls).hasValue(0);
    // v2: the response is a normal one (group error inside), so CMD_DONE says 0; v1: the rc sent
    assertThat(done).containsExactly(
        new CommandEvent(TEST_GROUP, CMD_WRITE_ONLY, 2, 0), new CommandEvent(TEST_GROUP, CMD_WRITE_ONLY, 2, 11));
  }

  @Test
  void cmdRecvGroupErrorOfAGroupWithoutTableIsEunknownForV1() {
    server.callbacks().register(MgmtEventIds.CMD_RECV, (event, data, previous) -> CallbackResult.groupError(0, 5));
    assertThat(Packets.process(server, message(2, V1, 0, 1, 0, TestGroups.echoRequest("x"))))
        .containsExactly(rcResponse(3, V1, 0, 1, 0, 1));
    assertThat(Packets.process(server, message(2, V2, 0, 2, 0, TestGroups.echoRequest("x"))))
        .containsExactly(header(3, V2, 19, 0, 2, 0) + "bf63657272bf6567726f75700062726305ffff");
  }

  @Test
  void theFirstFailingListenerDecides() {
    server.callbacks().register(MgmtEventIds.CMD_RECV, (event, data, previous) -> CallbackResult.OK);
    server.callbacks().register(MgmtEventIds.CMD_RECV, (event, data, previous) -> CallbackResult.rc(MgmtErr.EBUSY));
    server.callbacks().register(MgmtEventIds.CMD_RECV,
        (event, data, previous) -> CallbackResult.groupError(TestGroups.TestError.NOT_WANTED));

    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 1, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V2, TEST_GROUP, 1, CMD_WRITE_ONLY, 10));
  }

  @Test
  void cmdDoneCarriesTheFinalRc() {
    Packets.process(server, message(2, V2, 0, 1, 0, TestGroups.echoRequest("x")));          // ok
    Packets.process(server, message(0, V2, TEST_GROUP, 2, CMD_MGMT_ERROR, EMPTY_MAP));      // 6
    Packets.process(server, message(0, V2, TEST_GROUP, 3, CMD_BOOM, EMPTY_MAP));            // 1
    Packets.process(server, message(0, V2, TEST_GROUP, 4, CMD_GROUP_ERROR, EMPTY_MAP));     // err map: 0
    Packets.process(server, message(0, V1, TEST_GROUP, 5, CMD_GROUP_ERROR, EMPTY_MAP));     // 11
    byte[] big = new CborWriter().startMap(1).key("n").uint(5000).toByteArray();
    Packets.process(server, message(0, V2, TEST_GROUP, 6, CMD_BLOB, big));                  // 7
    Packets.process(server, message(2, V2, 0, 7, 0, bytes("6178")));                        // 3

    assertThat(done).containsExactly(
        new CommandEvent(0, 0, 2, 0),
        new CommandEvent(TEST_GROUP, CMD_MGMT_ERROR, 0, 6),
        new CommandEvent(TEST_GROUP, CMD_BOOM, 0, 1),
        new CommandEvent(TEST_GROUP, CMD_GROUP_ERROR, 0, 0),
        new CommandEvent(TEST_GROUP, CMD_GROUP_ERROR, 0, 11),
        new CommandEvent(TEST_GROUP, CMD_BLOB, 0, 7),
        new CommandEvent(0, 0, 2, 3));
  }

  @Test
  void noEventsWhenNoHandlerWasFound() {
    recordReceived();
    Packets.process(server, message(0, V2, 200, 1, 0, EMPTY_MAP));                 // unknown group
    Packets.process(server, message(0, V2, 0, 2, 3, EMPTY_MAP));                   // empty slot
    Packets.process(server, message(0, V2, 0, 3, 99, EMPTY_MAP));                  // past the table
    Packets.process(server, message(0, V2, TEST_GROUP, 4, CMD_WRITE_ONLY, EMPTY_MAP)); // no read handler
    Packets.process(server, message(1, V2, 0, 5, 0, EMPTY_MAP));                   // response op
    Packets.process(server, message(0, 2, 0, 6, 6, EMPTY_MAP));                    // version 2
    Packets.process(server, message(0, V2, 0, 7, 6, 5, new byte[1]));              // length > payload

    assertThat(received).isEmpty();
    assertThat(done).isEmpty();
  }

  @Test
  void cmdDoneOncePerMessageOfAPacket() {
    recordReceived();
    byte[] echo = TestGroups.echoRequest("x");
    Packets.process(server, concat(
        message(2, V2, 0, 1, 0, echo), message(0, V2, 0, 2, 6, EMPTY_MAP),
        message(0, V2, TEST_GROUP, 3, CMD_MGMT_ERROR, EMPTY_MAP), message(2, V2, 0, 4, 0, echo)));

    assertThat(received).containsExactly(
        new CommandEvent(0, 0, 2, 0), new CommandEvent(0, 6, 0, 0), new CommandEvent(TEST_GROUP, CMD_MGMT_ERROR, 0, 0));
    assertThat(done).containsExactly(
        new CommandEvent(0, 0, 2, 0), new CommandEvent(0, 6, 0, 0), new CommandEvent(TEST_GROUP, CMD_MGMT_ERROR, 0, 6));
  }

  @Test
  void aClosedRegistrationIsNoLongerCalled() {
    MgmtCallbacks.Registration veto = server.callbacks().register(MgmtEventIds.CMD_RECV,
        (event, data, previous) -> CallbackResult.rc(MgmtErr.EBUSY));
    assertThat(Packets.process(server, message(2, V2, 0, 1, 0, TestGroups.echoRequest("x"))))
        .containsExactly(rcResponse(3, V2, 0, 1, 0, 10));

    veto.close();

    assertThat(Packets.process(server, message(2, V2, 0, 2, 0, TestGroups.echoRequest("x"))))
        .containsExactly(header(3, V2, 6, 0, 2, 0) + "bf61726178ff");
  }

  @Test
  void aListenerOnEverySmpEventSeesRecvAndDone() {
    List<Integer> events = new CopyOnWriteArrayList<>();
    server.callbacks().register(MgmtEventIds.allOf(MgmtEventIds.GROUP_SMP), (event, data, previous) -> {
      events.add(event);
      return CallbackResult.OK;
    });
    Packets.process(server, message(2, V2, 0, 1, 0, TestGroups.echoRequest("x")));
    assertThat(events).containsExactly(MgmtEventIds.CMD_RECV, MgmtEventIds.CMD_DONE);
  }

  @Test
  void aThrowingListenerFailsTheCommandWithEunknownAndTheServerGoesOn() {
    MgmtCallbacks.Registration bad = server.callbacks().register(MgmtEventIds.CMD_RECV, (event, data, previous) -> {
      throw new IllegalStateException("listener bug");
    });
    assertThat(Packets.process(server, message(2, V2, 0, 1, 0, TestGroups.echoRequest("x"))))
        .containsExactly(header(3, V2, 6, 0, 1, 0) + "bf62726301ff");
    bad.close();
    assertThat(Packets.process(server, message(2, V2, 0, 2, 0, TestGroups.echoRequest("x"))))
        .containsExactly(header(3, V2, 6, 0, 2, 0) + "bf61726178ff");
  }
}
