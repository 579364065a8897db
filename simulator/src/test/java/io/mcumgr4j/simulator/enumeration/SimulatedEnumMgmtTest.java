package io.mcumgr4j.simulator.enumeration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.enumeration.EnumMgmt.GroupDetails;
import io.mcumgr4j.groups.enumeration.EnumMgmt;
import io.mcumgr4j.groups.enumeration.EnumMgmtClient;
import io.mcumgr4j.groups.enumeration.EnumMgmtDispatcher;
import io.mcumgr4j.groups.enumeration.EnumMgmtError;
import io.mcumgr4j.groups.shell.ShellMgmtDispatcher;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.simulator.shell.ShellRegistry;
import io.mcumgr4j.simulator.shell.SimulatedShellMgmt;
import io.mcumgr4j.simulator.testing.UdpLink;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The enumeration group through its generated client, over UDP, on a server with Zephyr's smp_svr groups. */
class SimulatedEnumMgmtTest {

  private static final List<Integer> SMP_SVR_ORDER = List.of(10, 8, 0, 3, 9, 2, 63);

  private UdpLink loopback;

  @AfterEach
  void close() {
    if (loopback != null) {
      loopback.close();
    }
  }

  /** Zephyr 4.4.0 smp_svr's groups in its registration order: enumeration and shell real, the others fakes. */
  static SmpServer smpSvr(ServerConfig config) {
    SmpServer server = new SmpServer(config);
    for (int id : SMP_SVR_ORDER) {
      server.register(switch (id) {
        case 10 -> new EnumMgmtDispatcher(new SimulatedEnumMgmt());
        case 9 -> new ShellMgmtDispatcher(new SimulatedShellMgmt(ShellRegistry.withDefaults(() -> "4.4.0", () -> 0),
            SimulatedShellMgmt.DEFAULT_MAX_LINE_LENGTH));
        default -> FakeGroup.zephyr(id);
      });
    }
    return server;
  }

  private EnumMgmtClient client(SmpServer server) throws Exception {
    loopback = UdpLink.serve(server);
    return new EnumMgmtClient(loopback.client());
  }

  private EnumMgmtClient clientV1() {
    return new EnumMgmtClient(loopback.clientV1());
  }

  @Test
  void countListAndDetailsFollowRegistrationOrder() throws Exception {
    EnumMgmtClient client = client(smpSvr(ServerConfig.DEFAULT));

    assertThat(client.count().count()).isEqualTo(7);
    assertThat(client.list().groups()).containsExactlyElementsOf(SMP_SVR_ORDER);
    assertThat(client.details(null).groups()).containsExactly(
        new GroupDetails(10, "enum mgmt", 4L),
        new GroupDetails(8, "fs mgmt", 5L),
        new GroupDetails(0, "os mgmt", 8L),
        new GroupDetails(3, "settings mgmt", 4L),
        new GroupDetails(9, "shell mgmt", 1L),
        new GroupDetails(2, "stat mgmt", 2L),
        new GroupDetails(63, "zephyr basic mgmt", 1L));
  }

  @Test
  void singleWalksTheGroupsAndMarksOnlyTheLastAsTheEnd() throws Exception {
    EnumMgmtClient client = client(smpSvr(ServerConfig.DEFAULT));

    for (int i = 0; i < SMP_SVR_ORDER.size(); i++) {
      EnumMgmt.Single single = client.single(OptionalLong.of(i));
      assertThat(single.group()).isEqualTo(SMP_SVR_ORDER.get(i));
      assertThat(single.end()).isEqualTo(i == SMP_SVR_ORDER.size() - 1 ? Boolean.TRUE : null);
    }
    assertThat(client.single(OptionalLong.empty())).isEqualTo(new EnumMgmt.Single(10, null));
  }

  @Test
  void singleOfTheOnlyGroupIsItsEnd() throws Exception {
    SmpServer server = new SmpServer();
    server.register(new EnumMgmtDispatcher(new SimulatedEnumMgmt()));

    assertThat(client(server).single(OptionalLong.empty())).isEqualTo(new EnumMgmt.Single(10, true));
  }

  @Test
  void singlePastTheLastGroupIsAGroupErrorTranslatedForV1() throws Exception {
    EnumMgmtClient client = client(smpSvr(ServerConfig.DEFAULT));

    assertThatThrownBy(() -> client.single(OptionalLong.of(7)))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isEqualTo(EnumMgmtError.INDEX_TOO_LARGE));
    assertThatThrownBy(() -> clientV1().single(OptionalLong.of(65535)))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(MgmtErr.EUNKNOWN.code()));
  }

  @Test
  void singleIndexAbove65535IsInvalid() throws Exception {
    EnumMgmtClient client = client(smpSvr(ServerConfig.DEFAULT));

    assertRc(() -> client.single(OptionalLong.of(65536)), MgmtErr.EINVAL);
    assertRc(() -> clientV1().single(OptionalLong.of(0xFFFF_FFFFL)), MgmtErr.EINVAL);
  }

  @Test
  void singleIndexOfTheWrongTypeIsInvalid() throws Exception {
    client(smpSvr(ServerConfig.DEFAULT));

    assertThat(raw(2, CborWriter.forRequest().beginMap(1).key("index").text("0").endMap())).isEqualTo(3);
    assertThat(raw(2, CborWriter.forRequest().beginMap(1).key("index").integer(-1).endMap())).isEqualTo(3);
    assertThat(raw(2, CborWriter.forRequest().beginMap(1).key("index").uint(1L << 32).endMap())).isEqualTo(3);
    assertThat(raw(2, CborWriter.forRequest().beginMap(1).key("index").bool(true).endMap())).isEqualTo(3);
  }

  @Test
  void detailsOfListedGroupsComeInRegistrationOrderWithoutUnknownIdsOrRepeats() throws Exception {
    EnumMgmtClient client = client(smpSvr(ServerConfig.DEFAULT));

    assertThat(client.details(List.of(9, 0, 999, 0)).groups())
        .extracting(GroupDetails::group).containsExactly(0, 9);
    assertThat(client.details(List.of(999)).groups()).isEmpty();
    assertThat(client.details(List.of()).groups()).hasSize(7);
  }

  @Test
  void detailsOfMoreThan16IdsIsTooManyEntries() throws Exception {
    EnumMgmtClient client = client(smpSvr(ServerConfig.DEFAULT));
    List<Integer> sixteen = IntStream.range(0, 16).boxed().toList();
    List<Integer> seventeen = IntStream.range(0, 17).boxed().toList();

    assertThat(client.details(sixteen).groups()).extracting(GroupDetails::group).containsExactly(10, 8, 0, 3, 9, 2);
    assertThatThrownBy(() -> client.details(seventeen))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isEqualTo(EnumMgmtError.TOO_MANY_GROUP_ENTRIES));
    // the declaration's v1 translation (Zephyr's is EINVAL: see the report on EnumMgmt)
    assertThatThrownBy(() -> clientV1().details(seventeen))
        .isInstanceOfSatisfying(MgmtException.class,
            e -> assertThat(e.rc()).isEqualTo(EnumMgmtError.TOO_MANY_GROUP_ENTRIES.legacy().code()));
  }

  @Test
  void detailsGroupsOfTheWrongTypeAreInvalid() throws Exception {
    client(smpSvr(ServerConfig.DEFAULT));

    assertThat(raw(3, CborWriter.forRequest().beginMap(1).key("groups").uint(0).endMap())).isEqualTo(3);
    CborWriter strings = CborWriter.forRequest().beginMap(1).key("groups").beginArray(1).text("0").endArray();
    assertThat(raw(3, strings.endMap())).isEqualTo(3);
    CborWriter tooLarge = CborWriter.forRequest().beginMap(1).key("groups").beginArray(1).uint(65536).endArray();
    assertThat(raw(3, tooLarge.endMap())).isEqualTo(3);
  }

  @Test
  void aGroupExtendedByAnApplicationIsListedOnceWithItsLargestTable() throws Exception {
    SmpServer server = smpSvr(ServerConfig.DEFAULT);
    server.register(FakeGroup.sparse(0, "app os extension", 12, Set.of(11)));
    EnumMgmtClient client = client(server);

    assertThat(client.count().count()).isEqualTo(7);
    assertThat(client.list().groups()).containsExactlyElementsOf(SMP_SVR_ORDER);
    assertThat(client.details(List.of(0)).groups()).containsExactly(new GroupDetails(0, "os mgmt", 12L));
    assertThat(client.single(OptionalLong.of(6))).isEqualTo(new EnumMgmt.Single(63, true));
  }

  @Test
  void registrationsMadeAfterStartAreSeen() throws Exception {
    SmpServer server = smpSvr(ServerConfig.DEFAULT);
    EnumMgmtClient client = client(server);
    server.register(FakeGroup.of(64, "app", 3));

    assertThat(client.list().groups()).endsWith(63, 64);
    assertThat(client.details(List.of(64)).groups()).containsExactly(new GroupDetails(64, "app", 3L));
  }

  @Test
  void responsesLargerThanTheBufferAnswerEcorrupt() throws Exception {
    // Zephyr's details answer for smp_svr is 259 bytes of payload
    EnumMgmtClient fits = client(smpSvr(ServerConfig.DEFAULT.withBufSize(8 + 259)));
    assertThat(fits.details(null).groups()).hasSize(7);
    close();

    EnumMgmtClient tight = client(smpSvr(ServerConfig.DEFAULT.withBufSize(8 + 258)));
    assertRc(() -> tight.details(null), MgmtErr.ECORRUPT);
    assertThat(tight.details(List.of(10)).groups()).hasSize(1);
    assertThat(tight.list().groups()).hasSize(7);
  }

  @Test
  void aListLargerThanTheBufferAnswersEcorruptWhileCountStillAnswers() throws Exception {
    SmpServer server = new SmpServer(ServerConfig.DEFAULT.withBufSize(64));
    server.register(new EnumMgmtDispatcher(new SimulatedEnumMgmt()));
    List<Integer> ids = new ArrayList<>(List.of(10));
    // 2 bytes each: with the map, key and brackets, 22 of them fit the 56 bytes after the header
    for (int id = 100; id < 122; id++) {
      server.register(FakeGroup.of(id, "g" + id, 1));
      ids.add(id);
    }
    EnumMgmtClient client = client(server);
    assertThat(client.list().groups()).containsExactlyElementsOf(ids);

    server.register(FakeGroup.of(122, "g122", 1));
    assertRc(client::list, MgmtErr.ECORRUPT);
    assertThat(client.count().count()).isEqualTo(24);
  }

  /** Sends a hand-made request for enumeration command {@code command}; answers its {@code rc}. */
  private int raw(int command, CborWriter payload) {
    byte[] response = loopback.client().send(Op.READ, 10, command, payload.toByteArray()).payload();
    try {
      ResponseErrors.check(response, EnumMgmtError::forCode);
      return 0;
    } catch (MgmtException e) {
      return e.rc();
    }
  }

  private static void assertRc(ThrowingCallable call, MgmtErr expected) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(expected.code()));
  }
}
