package io.mcumgr4j.simulator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.settings.SettingsMgmt;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import io.mcumgr4j.groups.settings.SettingsMgmtDispatcher;
import io.mcumgr4j.groups.settings.SettingsMgmtError;
import io.mcumgr4j.simulator.settings.SettingsEvents.Access;
import io.mcumgr4j.simulator.settings.SettingsEvents.AccessEvent;
import io.mcumgr4j.simulator.testing.UdpLink;
import io.mcumgr4j.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings group served over UDP, called with the generated client and with raw packets. */
class SimulatedSettingsMgmtTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final OptionalLong ALL = OptionalLong.empty();

  @TempDir
  Path dir;
  private Path file;
  private SettingsStore store;
  private UdpLink udp;
  private SettingsMgmtClient settings;
  private SettingsMgmtClient settingsV1;

  @BeforeEach
  void start() throws Exception {
    file = dir.resolve("settings.bin");
    store = new SettingsStore(file, Set.of("app"), SettingsStore.DEFAULT_MAX_NAME_LENGTH,
        SettingsStore.DEFAULT_MAX_VALUE_LENGTH);
    MgmtCallbacks callbacks = new MgmtCallbacks();
    udp = UdpLink.serving(callbacks, new SettingsMgmtDispatcher(new SimulatedSettingsMgmt(store, callbacks)));
    settings = new SettingsMgmtClient(udp.client());
    settingsV1 = new SettingsMgmtClient(udp.clientV1());
  }

  @AfterEach
  void stop() {
    udp.close();
  }

  @Test
  void writeThenReadGivesTheValue() throws Exception {
    settings.write("app/name", new byte[] {1, 2, 3});

    SettingsMgmt.Value value = settings.read("app/name", ALL);
    assertThat(value.value()).containsExactly(1, 2, 3);
    assertThat(value.maxSize()).isEmpty();
    assertThat(store.read("app/name")).containsExactly(1, 2, 3);
    assertThat(settingsV1.read("app/name", ALL).value()).containsExactly(1, 2, 3);
    // {val: h'010203'}
    assertThat(hex(send(Op.READ, 0, request("app/name")))).isEqualTo("bf6376616c43010203ff");
  }

  @Test
  void readReturnsAtMostMaxSizeBytes() {
    settings.write("app/v", bytes(32));

    assertThat(settings.read("app/v", OptionalLong.of(5)).value()).containsExactly(bytes(5));
    assertThat(settings.read("app/v", OptionalLong.of(5)).maxSize()).isEmpty();
    assertThat(settings.read("app/v", OptionalLong.of(0)).value()).isEmpty();
    SettingsMgmt.Value atLimit = settings.read("app/v", OptionalLong.of(32));
    assertThat(atLimit.value()).containsExactly(bytes(32));
    assertThat(atLimit.maxSize()).isEmpty();
  }

  @Test
  void askingForMoreThanTheDeviceLimitIsCappedAndSaysSo() {
    settings.write("app/v", new byte[] {7});

    SettingsMgmt.Value value = settings.read("app/v", OptionalLong.of(1000));

    assertThat(value.value()).containsExactly(7);
    assertThat(value.maxSize()).hasValue(32);
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2).key("name").text("app/v").key("max_size").uint(33).endMap();
    // {val: h'07', max_size: 32}
    assertThat(hex(send(Op.READ, 0, out.toByteArray()))).isEqualTo("bf6376616c4107686d61785f73697a651820ff");
  }

  @Test
  void deleteRemovesTheStoredValueAndLeavesMemoryAsZephyrDoes() {
    settings.write("app/gone", new byte[] {1});
    settings.save(null);

    settings.delete("app/gone");

    assertThat(settings.read("app/gone", ALL).value()).containsExactly(1);   // RAM keeps it
    store.reload();                                                          // the next boot does not
    assertThatThrownBy(() -> settings.read("app/gone", ALL)).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.KEY_NOT_FOUND));
  }

  @Test
  void deleteOfAMissingKeyOrUnhandledRootSucceeds() {
    settings.delete("app/never");
    settingsV1.delete("app/never");
    settings.delete("vec/key");   // settings_delete asks no handler

    // {} as Zephyr answers a successful delete
    CborWriter out = CborWriter.forRequest();
    out.beginMap(1).key("name").text("vec/key").endMap();
    assertThat(hex(send(Op.WRITE, 1, out.toByteArray()))).isEqualTo("bfff");
  }

  @Test
  void deleteFromAnUnreadableFileIsUnknown() throws Exception {
    Files.write(file, new byte[] {1, 2, 3});

    assertThatThrownBy(() -> settings.delete("app/a")).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.UNKNOWN));
  }

  @Test
  void aWriteMemoryHasNoRoomForIsUnknownAndASubtreeSavePastTheBoundsSaveNotSupported() throws Exception {
    udp.close();
    store = new SettingsStore(file, Set.of("app", "net"), 32, 32, 1, 100);
    MgmtCallbacks callbacks = new MgmtCallbacks();
    udp = UdpLink.serving(callbacks, new SettingsMgmtDispatcher(new SimulatedSettingsMgmt(store, callbacks)));
    settings = new SettingsMgmtClient(udp.client());
    settings.write("app/a", new byte[] {1});

    assertThatThrownBy(() -> settings.write("app/b", new byte[] {2})).isInstanceOfSatisfying(
        GroupErrorException.class, e -> assertThat(e.error()).isSameAs(SettingsMgmtError.UNKNOWN));

    settings.save(null);
    SettingsStore other = new SettingsStore(file, Set.of("app", "net"), 32, 32);
    other.write("net/x", new byte[] {3});
    store.erase();
    other.save("net");                     // the file holds net/x; this device's RAM app/a
    assertThatThrownBy(() -> settings.save("app")).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.SAVE_NOT_SUPPORTED));
  }

  @Test
  void commitCountsAndAnswersZephyrsBytes() throws Exception {
    Vectors.Exchange zephyr = Vectors.get("udp", "settings/commit");

    assertThat(hex(udp.exchange(zephyr.requestBytes()))).isEqualTo(hex(zephyr.responseBytes()));
    settings.commit();

    assertThat(store.commitCount()).isEqualTo(2);
  }

  @Test
  void loadLaysThePersistedValuesOverMemoryAndAnswersZephyrsBytes() throws Exception {
    settings.write("app/saved", new byte[] {1});
    settings.save(null);
    settings.write("app/saved", new byte[] {2});
    settings.write("app/unsaved", new byte[] {3});
    Vectors.Exchange zephyr = Vectors.get("udp", "settings/load");

    assertThat(hex(udp.exchange(zephyr.requestBytes()))).isEqualTo(hex(zephyr.responseBytes()));

    assertThat(settings.read("app/saved", ALL).value()).containsExactly(1);
    assertThat(settings.read("app/unsaved", ALL).value()).containsExactly(3);
  }

  @Test
  void aSaveSurvivesANewStoreOnTheSameFile() {
    settings.write("app/a", new byte[] {1});
    settings.write("app/b", new byte[] {2});
    settings.save(null);
    settings.write("app/c", new byte[] {3});

    SettingsStore next = new SettingsStore(file, Set.of("app"), 32, 32);
    next.reload();

    assertThat(next.values()).containsOnlyKeys("app/a", "app/b");
  }

  @Test
  void saveOfASubtreePersistsOnlyIt() {
    settings.write("app/x/1", new byte[] {1});
    settings.write("app/y", new byte[] {2});

    settings.save("app/x");
    store.reload();

    assertThat(store.values()).containsOnlyKeys("app/x/1");
  }

  @Test
  void aFailingSaveIsSaveNotSupportedWithZephyrsBytes() throws Exception {
    Files.createDirectories(file.resolve("occupied"));   // the file cannot be replaced
    Vectors.Exchange zephyr = Vectors.get("udp", "settings/save");

    assertThat(hex(udp.exchange(zephyr.requestBytes()))).isEqualTo(hex(zephyr.responseBytes()));
    assertThatThrownBy(() -> settings.save(null)).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.SAVE_NOT_SUPPORTED));
    assertThatThrownBy(() -> settingsV1.save(null))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(1));
  }

  @Test
  void loadOfACorruptFileIsUnknownAndKeepsMemory() throws Exception {
    settings.write("app/a", new byte[] {1});
    Files.write(file, new byte[] {'M', '4', 'J', 'S', 1, 0});

    assertThatThrownBy(() -> settings.load()).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.UNKNOWN));
    assertThat(hex(send(Op.READ, 3, HEX.parseHex("a0")))).isEqualTo("bf63657272bf6567726f75700362726301ffff");
    assertThat(settings.read("app/a", ALL).value()).containsExactly(1);
  }

  @Test
  void aRootWithoutHandlerIsRootKeyNotFoundWithZephyrsBytes() throws Exception {
    for (String name : List.of("settings/write", "settings/read", "settings/read(missing)")) {
      Vectors.Exchange zephyr = Vectors.get("udp", name);
      assertThat(hex(udp.exchange(zephyr.requestBytes()))).as(name).isEqualTo(hex(zephyr.responseBytes()));
    }
    assertThatThrownBy(() -> settings.write("vec/key", new byte[] {1}))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isSameAs(SettingsMgmtError.ROOT_KEY_NOT_FOUND));
    // v1: the group's translation has no entry for 5, so EUNKNOWN
    assertThatThrownBy(() -> settingsV1.read("vec/key", ALL))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(1));
  }

  @Test
  void tooLongNamesAreKeyTooLong() {
    String longest = "app/" + "n".repeat(27);   // 31 bytes
    String tooLong = "app/" + "n".repeat(28);   // 32 bytes
    settings.write(longest, new byte[] {1});

    assertThat(settings.read(longest, ALL).value()).containsExactly(1);
    for (ThrowingCallable call : List.<ThrowingCallable>of(
        () -> settings.write(tooLong, new byte[] {1}),
        () -> settings.read(tooLong, ALL),
        () -> settings.delete(tooLong),
        () -> settings.save(tooLong))) {
      assertThatThrownBy(call).isInstanceOfSatisfying(GroupErrorException.class, e -> {
        assertThat(e.error()).isSameAs(SettingsMgmtError.KEY_TOO_LONG);
        assertThat(e.error().group()).isEqualTo(3);
        assertThat(e.error().rc()).isEqualTo(2);
      });
    }
    assertThatThrownBy(() -> settingsV1.read(tooLong, ALL))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
  }

  @Test
  void emptyNamesAreEinval() {
    assertEinval(() -> settings.read("", ALL));
    assertEinval(() -> settings.write("", new byte[] {1}));
    assertEinval(() -> settings.delete(""));
    assertEinval(() -> settings.save(""));
    assertEinval(() -> settingsV1.read("", ALL));
  }

  @Test
  void aValueLongerThanTheStoreTakesIsUnknown() {
    assertThatThrownBy(() -> settings.write("app/big", new byte[33])).isInstanceOfSatisfying(
        GroupErrorException.class, e -> assertThat(e.error()).isSameAs(SettingsMgmtError.UNKNOWN));
    assertThatThrownBy(() -> settings.read("app/big", ALL)).isInstanceOf(GroupErrorException.class);
    settings.write("app/big", new byte[32]);
  }

  @Test
  void malformedRequestsAreEinval() {
    assertEinval(() -> check(send(Op.READ, 0, HEX.parseHex("a0"))));                         // read, no name
    assertEinval(() -> check(send(Op.READ, 0, HEX.parseHex("a1646e616d6505"))));              // name: 5
    assertEinval(() -> check(send(Op.READ, 0, readWithMaxSize(w -> w.integer(-1)))));         // max_size: -1
    assertEinval(() -> check(send(Op.READ, 0, readWithMaxSize(w -> w.uint(1L << 32)))));      // past uint32
    assertEinval(() -> check(send(Op.READ, 0, readWithMaxSize(w -> w.text("8")))));           // max_size: "8"
    assertEinval(() -> check(send(Op.WRITE, 0, request("app/k"))));                          // write, no val
    assertEinval(() -> check(send(Op.WRITE, 0, writeWith(w -> w.text("x")))));                 // val: "x"
    assertEinval(() -> check(send(Op.WRITE, 0, HEX.parseHex("a16376616c4101"))));             // write, no name
    assertEinval(() -> check(send(Op.WRITE, 1, HEX.parseHex("a0"))));                         // delete, no name
    assertEinval(() -> check(send(Op.WRITE, 1, HEX.parseHex("a1646e616d65f6"))));             // name: null
    assertEinval(() -> check(send(Op.WRITE, 3, HEX.parseHex("a1646e616d6500"))));             // save, name: 0
    assertEinval(() -> check(send(Op.READ, 0, HEX.parseHex("8100"))));                        // not a map
    assertThat(store.values()).isEmpty();
  }

  @Test
  void unknownKeysAreSkipped() {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(3).key("x").uint(1).key("name").text("app/k").key("val").bytes(new byte[] {4}).endMap();

    check(send(Op.WRITE, 0, out.toByteArray()));

    assertThat(store.read("app/k")).containsExactly(4);
  }

  @Test
  void theHookSeesEveryCommandBeforeItActs() {
    List<AccessEvent> events = new CopyOnWriteArrayList<>();
    MgmtCallbacks.Registration registration = SettingsEvents.onAccess(udp.server().callbacks(),
        (event, previous) -> {
          events.add(event);
          return CallbackResult.OK;
        });
    settings.write("app/k", new byte[] {5, 6});
    settings.read("app/k", OptionalLong.of(1));
    settings.delete("app/k");
    settings.commit();
    settings.save(null);
    settings.save("app");
    settings.load();
    assertThatThrownBy(() -> settings.read("vec/key", ALL)).isInstanceOf(GroupErrorException.class);
    registration.close();
    settings.commit();   // not seen once the registration is closed

    assertThat(events).extracting(AccessEvent::access).containsExactly(Access.WRITE, Access.READ, Access.DELETE,
        Access.COMMIT, Access.SAVE, Access.SAVE, Access.LOAD, Access.READ);
    assertThat(events).extracting(AccessEvent::name).containsExactly("app/k", "app/k", "app/k", null, null, "app",
        null, "vec/key");
    assertThat(events.get(0).value()).containsExactly(5, 6);
    assertThat(events.subList(1, events.size())).extracting(AccessEvent::value).containsOnlyNulls();
    assertThat(Access.values()).extracting(Access::code).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(SettingsEvents.ACCESS).isEqualTo(0x0005_0001);
  }

  @Test
  void theHookIsNotAskedAboutNamesThatFailTheLengthChecks() {
    List<AccessEvent> events = new CopyOnWriteArrayList<>();
    SettingsEvents.onAccess(udp.server().callbacks(), (event, previous) -> {
      events.add(event);
      return CallbackResult.rc(MgmtErr.EACCESSDENIED);
    });

    assertEinval(() -> settings.read("", ALL));
    assertThatThrownBy(() -> settings.write("app/" + "n".repeat(40), new byte[] {1}))
        .isInstanceOf(GroupErrorException.class);
    assertThat(events).isEmpty();
  }

  @Test
  void theHookDeniesPerKeyAndOperation() {
    settings.write("app/locked/pin", new byte[] {1});
    settings.write("app/open", new byte[] {2});
    SettingsEvents.onAccess(udp.server().callbacks(), (event, previous) -> {
      boolean locked = event.name() != null && event.name().startsWith("app/locked/");
      return locked && event.access() != Access.READ ? CallbackResult.rc(MgmtErr.EACCESSDENIED) : CallbackResult.OK;
    });

    assertThat(settings.read("app/locked/pin", ALL).value()).containsExactly(1);
    assertThatThrownBy(() -> settings.write("app/locked/pin", new byte[] {9}))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(11));
    assertThatThrownBy(() -> settings.delete("app/locked/pin"))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(11));
    assertThatThrownBy(() -> settingsV1.delete("app/locked/pin"))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(11));
    assertThat(hex(send(Op.WRITE, 1, request("app/locked/pin")))).isEqualTo("bf6272630bff");
    settings.write("app/open", new byte[] {3});

    assertThat(store.read("app/locked/pin")).containsExactly(1);
    assertThat(store.read("app/open")).containsExactly(3);
  }

  @Test
  void aHookGroupErrorIsTheErrMapAndV1GetsItsTranslation() {
    settings.write("app/secret", new byte[] {1});
    SettingsEvents.onAccess(udp.server().callbacks(), (event, previous) ->
        event.access() == Access.READ && "app/secret".equals(event.name())
            ? CallbackResult.groupError(SettingsMgmtError.READ_NOT_SUPPORTED) : CallbackResult.OK);

    assertThatThrownBy(() -> settings.read("app/secret", ALL)).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.READ_NOT_SUPPORTED));
    assertThat(hex(send(Op.READ, 0, request("app/secret")))).isEqualTo("bf63657272bf6567726f75700362726304ffff");
    assertThatThrownBy(() -> settingsV1.read("app/secret", ALL))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(5));
  }

  @Test
  void deniedCommitLoadAndSaveDoNothing() {
    settings.write("app/a", new byte[] {1});
    settings.save(null);
    settings.write("app/a", new byte[] {2});
    MgmtCallbacks.Registration registration = SettingsEvents.onAccess(udp.server().callbacks(), (event, previous) ->
        event.name() == null || event.access() == Access.SAVE
            ? CallbackResult.groupError(64, 7) : CallbackResult.OK);

    for (ThrowingCallable call : List.<ThrowingCallable>of(
        () -> settings.commit(), () -> settings.load(), () -> settings.save(null), () -> settings.save("app"))) {
      assertThatThrownBy(call).isInstanceOfSatisfying(GroupErrorException.class, e -> {
        assertThat(e.error().group()).isEqualTo(64);
        assertThat(e.error().rc()).isEqualTo(7);
      });
    }
    assertThat(store.commitCount()).isZero();
    assertThat(store.read("app/a")).containsExactly(2);

    registration.close();
    settings.load();
    assertThat(store.read("app/a")).containsExactly(1);
  }

  private byte[] send(Op op, int command, byte[] payload) {
    return udp.client().send(op, 3, command, payload).payload();
  }

  private static void check(byte[] payload) {
    ResponseErrors.check(payload, SettingsMgmtError::forCode);
  }

  private static byte[] request(String name) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(1).key("name").text(name).endMap();
    return out.toByteArray();
  }

  private static byte[] readWithMaxSize(Consumer<CborWriter> maxSize) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2).key("name").text("app/k").key("max_size");
    maxSize.accept(out);
    out.endMap();
    return out.toByteArray();
  }

  private static byte[] writeWith(Consumer<CborWriter> value) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2).key("name").text("app/k").key("val");
    value.accept(out);
    out.endMap();
    return out.toByteArray();
  }

  private static byte[] bytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) i;
    }
    return out;
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private static void assertEinval(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
  }
}
