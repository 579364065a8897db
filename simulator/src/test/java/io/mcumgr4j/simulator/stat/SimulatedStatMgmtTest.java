package io.mcumgr4j.simulator.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.stat.StatMgmt;
import io.mcumgr4j.groups.stat.StatMgmtClient;
import io.mcumgr4j.groups.stat.StatMgmtDispatcher;
import io.mcumgr4j.groups.stat.StatMgmtError;
import io.mcumgr4j.simulator.testing.UdpLink;
import io.mcumgr4j.testing.Vectors;
import java.util.HexFormat;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statistics group served over UDP, read with the generated client and with raw packets. */
class SimulatedStatMgmtTest {

  private static final HexFormat HEX = HexFormat.of();

  private final StatRegistry registry = new StatRegistry();
  private UdpLink udp;
  private StatMgmtClient stat;
  private StatMgmtClient statV1;

  @BeforeEach
  void start() throws Exception {
    udp = UdpLink.serving(new StatMgmtDispatcher(new SimulatedStatMgmt(registry)));
    stat = new StatMgmtClient(udp.client());
    statV1 = new StatMgmtClient(udp.clientV1());
  }

  @AfterEach
  void stop() {
    udp.close();
  }

  @Test
  void listNamesEveryGroupInCreationOrder() {
    assertThat(stat.list().names()).isEmpty();

    registry.group("zeta");
    registry.group("alpha");

    assertThat(stat.list().names()).containsExactly("zeta", "alpha");
    assertThat(statV1.list().names()).containsExactly("zeta", "alpha");
  }

  @Test
  void listGivesZephyrsBytesForZephyrsGroups() throws Exception {
    registry.group("flash_sim_stats");
    registry.group("flash_sim_thresholds");
    registry.group("smp_svr_stats");
    Vectors.Exchange zephyr = Vectors.get("udp", "stat/list");

    assertThat(HEX.formatHex(udp.exchange(zephyr.requestBytes()))).isEqualTo(HEX.formatHex(zephyr.responseBytes()));
  }

  @Test
  void anEmptyListIsAnEmptyArray() throws Exception {
    byte[] payload = udp.client().send(Op.READ, 2, 1, HEX.parseHex("a0")).payload();

    // {stat_list: []}, indefinite lengths as Zephyr writes them
    assertThat(HEX.formatHex(payload)).isEqualTo("bf69737461745f6c6973749fffff");
  }

  @Test
  void groupDataEchoesTheNameAndGivesEveryCounterInOrder() {
    StatGroup group = registry.group("radio");
    group.counter("tx").set(17);
    group.counter("rx").add(1_000_000);
    group.counter("crc_err");

    StatMgmt.GroupData data = stat.groupData("radio");

    assertThat(data.name()).isEqualTo("radio");
    assertThat(data.fields()).containsExactly(Map.entry("tx", 17L), Map.entry("rx", 1_000_000L),
        Map.entry("crc_err", 0L));
    assertThat(statV1.groupData("radio").fields()).isEqualTo(data.fields());
  }

  @Test
  void groupDataGivesZephyrsBytesForZephyrsGroup() throws Exception {
    registry.group("smp_svr_stats").counter("ticks");
    Vectors.Exchange zephyr = Vectors.get("udp", "stat/group_data(smp_svr_stats)");

    assertThat(HEX.formatHex(udp.exchange(zephyr.requestBytes()))).isEqualTo(HEX.formatHex(zephyr.responseBytes()));
  }

  @Test
  void aGroupWithoutCountersHasEmptyFields() throws Exception {
    registry.group("empty");

    assertThat(stat.groupData("empty").fields()).isEmpty();
    byte[] payload = udp.client().send(Op.READ, 2, 0, request("name", "empty")).payload();
    // {name: "empty", fields: {}}
    assertThat(HEX.formatHex(payload)).isEqualTo("bf646e616d6565656d707479666669656c6473bfffff");
  }

  @Test
  void countersGoOutAsTheirLow32BitsAsZephyrEncodesThem() {
    StatGroup group = registry.group("wide");
    group.counter("max32").set(0xFFFF_FFFFL);
    group.counter("over").set((1L << 32) + 5);
    group.counter("top").set(-1L);

    assertThat(stat.groupData("wide").fields()).containsExactly(Map.entry("max32", 0xFFFF_FFFFL),
        Map.entry("over", 5L), Map.entry("top", 0xFFFF_FFFFL));
    assertThat(group.counter("over").get()).isEqualTo((1L << 32) + 5);
  }

  @Test
  void countersAfterAResetReadZero() {
    Counter ticks = registry.group("smp_svr_stats").counter("ticks");
    ticks.add(41);
    assertThat(stat.groupData("smp_svr_stats").fields()).containsEntry("ticks", 41L);

    registry.resetAll();

    assertThat(stat.groupData("smp_svr_stats").fields()).containsEntry("ticks", 0L);
  }

  @Test
  void anUnknownNameIsInvalidStatNameWithZephyrsBytes() throws Exception {
    registry.group("smp_svr_stats");
    Vectors.Exchange zephyr = Vectors.get("udp", "stat/group_data(missing)");

    assertThat(HEX.formatHex(udp.exchange(zephyr.requestBytes()))).isEqualTo(HEX.formatHex(zephyr.responseBytes()));
    assertThatThrownBy(() -> stat.groupData("no_such_group"))
        .isInstanceOfSatisfying(GroupErrorException.class, e -> {
          assertThat(e.error()).isSameAs(StatMgmtError.INVALID_STAT_NAME);
          assertThat(e.error().group()).isEqualTo(2);
          assertThat(e.error().rc()).isEqualTo(3);
        });
  }

  @Test
  void anUnknownNameAnswersEnoentToV1() throws Exception {
    assertThatThrownBy(() -> statV1.groupData("no_such_group"))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(5));
    byte[] payload = udp.clientV1().send(Op.READ, 2, 0, request("name", "no_such_group")).payload();
    assertThat(HEX.formatHex(payload)).isEqualTo("bf62726305ff");
  }

  @Test
  void namesMustBeShorterThanTheMaximumNameLength() {
    String longest = "n".repeat(SimulatedStatMgmt.MAX_NAME_LENGTH - 1);
    String tooLong = "n".repeat(SimulatedStatMgmt.MAX_NAME_LENGTH);
    registry.group(longest).counter("c").set(1);
    registry.group(tooLong).counter("c").set(2);

    assertThat(stat.groupData(longest).fields()).containsExactly(Map.entry("c", 1L));
    // a name Zephyr could not copy into its buffer is EINVAL, even if a group has it
    assertEinval(() -> stat.groupData(tooLong));
    // the length counts UTF-8 bytes: 16 two-byte characters are 32 bytes
    assertEinval(() -> stat.groupData("é".repeat(16)));
    assertThat(stat.list().names()).containsExactly(longest, tooLong);
  }

  @Test
  void badRequestsAreEinval() {
    registry.group("g");

    assertEinval(() -> stat.groupData(""));
    assertEinval(() -> send(HEX.parseHex("a0")));                       // no name
    assertEinval(() -> send(HEX.parseHex("a1646e616d6501")));           // name: 1
    assertEinval(() -> send(HEX.parseHex("a1646e616d6541ff")));         // name: h'ff'
    assertEinval(() -> send(HEX.parseHex("a2646e616d656167646e616d656167"))); // name twice
    assertEinval(() -> send(HEX.parseHex("8161a0")));                   // an array
    assertEinval(() -> send(HEX.parseHex("a1646e616d65")));             // truncated
  }

  @Test
  void unknownKeysAreSkipped() {
    registry.group("g").counter("c").set(3);
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2).key("extra").beginArray(1).uint(1).endArray().key("name").text("g").endMap();

    assertThat(HEX.formatHex(send(out.toByteArray())))
        .isEqualTo("bf646e616d656167666669656c6473bf616303ffff");
  }

  private byte[] send(byte[] payload) {
    byte[] response = udp.client().send(Op.READ, 2, 0, payload).payload();
    ResponseErrors.check(response, StatMgmtError::forCode);
    return response;
  }

  private static byte[] request(String key, String value) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(1).key(key).text(value).endMap();
    return out.toByteArray();
  }

  private static void assertEinval(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
  }
}
