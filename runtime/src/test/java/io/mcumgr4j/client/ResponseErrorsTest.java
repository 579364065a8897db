package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.server.Packets;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.testing.Vectors;
import org.junit.jupiter.api.Test;

/** {@link ResponseErrors#check}: both error forms, success, unknown keys. */
class ResponseErrorsTest {

  @Test
  void successForms() {
    assertThatCode(() -> ResponseErrors.check(Packets.bytes("a0"))).doesNotThrowAnyException();
    assertThatCode(() -> ResponseErrors.check(Packets.bytes("bfff"))).doesNotThrowAnyException();
    // {rc:0} (Zephyr's legacy rc behaviour)
    assertThatCode(() -> ResponseErrors.check(Packets.bytes("a1627263 00"))).doesNotThrowAnyException();
    assertThatCode(() -> ResponseErrors.check(Packets.bytes("bf627263 00 ff"))).doesNotThrowAnyException();
  }

  @Test
  void unknownKeysOfAnyShapeAreIgnored() {
    byte[] payload = new CborWriter().startMap()
        .key("splitStatus").uint(0)
        .key("rc").uint(0)
        .key("list").startArray().uint(1).text("two").startMap().key("x").nul().end().end()
        .key("map").startMap(2).key("a").integer(-5).key("b").bytes(new byte[3])
        .key("f").float64(1.5)
        .key("t").bool(true)
        .end().toByteArray();
    assertThatCode(() -> ResponseErrors.check(payload)).doesNotThrowAnyException();
  }

  @Test
  void rcWithoutRsn() {
    MgmtException e = catchThrowableOfType(MgmtException.class,
        () -> ResponseErrors.check(Packets.bytes("bf62726308ff")));
    assertThat(e.rc()).isEqualTo(8);
    assertThat(e.err()).isEqualTo(MgmtErr.ENOTSUP);
    assertThat(e.reason()).isNull();
  }

  @Test
  void rcWithRsnInEitherOrderAndUnknownKeys() {
    byte[] rsnFirst = new CborWriter().startMap(3)
        .key("rsn").text("bad value").key("x").uint(1).key("rc").uint(3).toByteArray();
    MgmtException e = catchThrowableOfType(MgmtException.class, () -> ResponseErrors.check(rsnFirst));
    assertThat(e.rc()).isEqualTo(3);
    assertThat(e.reason()).isEqualTo("bad value");
    assertThat(e.getMessage()).contains("bad value");
  }

  @Test
  void rcOutsideTheNamedCodes() {
    MgmtException e = catchThrowableOfType(MgmtException.class,
        () -> ResponseErrors.check(new CborWriter().startMap().key("rc").uint(1000).end().toByteArray()));
    assertThat(e.rc()).isEqualTo(1000);
    assertThat(e.err()).isNull();

    MgmtException negative = catchThrowableOfType(MgmtException.class,
        () -> ResponseErrors.check(new CborWriter().startMap().key("rc").integer(-22).end().toByteArray()));
    assertThat(negative.rc()).isEqualTo(-22);
  }

  @Test
  void errMapIsAGroupError() {
    byte[] payload = Packets.bytes("bf63657272bf6567726f757008627263 03 ffff");
    GroupErrorException e = catchThrowableOfType(GroupErrorException.class, () -> ResponseErrors.check(payload));
    assertThat(e.error().group()).isEqualTo(8);
    assertThat(e.error().rc()).isEqualTo(3);
    assertThat(e.error().legacy()).isEqualTo(MgmtErr.EUNKNOWN);
  }

  @Test
  void errMapBesideOtherKeys() {
    // FS upload at a wrong offset: {len: 100, err: {group: 8, rc: 11, extra: 1}, off: 0}
    byte[] payload = new CborWriter().startMap()
        .key("len").uint(100)
        .key("err").startMap().key("group").uint(8).key("extra").uint(1).key("rc").uint(11).end()
        .key("off").uint(0)
        .end().toByteArray();
    GroupErrorException e = catchThrowableOfType(GroupErrorException.class, () -> ResponseErrors.check(payload));
    assertThat(e.error().group()).isEqualTo(8);
    assertThat(e.error().rc()).isEqualTo(11);
  }

  @Test
  void errMapIsTypedByTheGroupsEnum() {
    byte[] payload = Packets.bytes("bf63657272bf6567726f7570184062726302ffff");
    GroupErrorException e = catchThrowableOfType(GroupErrorException.class,
        () -> ResponseErrors.check(payload, TestGroups.TestError::of));
    assertThat(e.error()).isSameAs(TestGroups.TestError.NOT_WANTED);
    assertThat(e.error().legacy()).isEqualTo(MgmtErr.EACCESSDENIED);

    // a code the enum does not know stays raw
    byte[] unknown = Packets.bytes("bf63657272bf6567726f757018406272631863ffff");
    GroupErrorException raw = catchThrowableOfType(GroupErrorException.class,
        () -> ResponseErrors.check(unknown, TestGroups.TestError::of));
    assertThat(raw.error()).isEqualTo(GroupError.of(64, 99));
  }

  @Test
  void errMapOfAnotherGroupIsNotTypedByThisGroupsEnum() {
    // group 3 rc 2: TestError.of(2) is NOT_WANTED of group 64, which must not be used
    byte[] payload = Packets.bytes("bf63657272bf6567726f757003627263 02 ffff");
    GroupErrorException e = catchThrowableOfType(GroupErrorException.class,
        () -> ResponseErrors.check(payload, TestGroups.TestError::of));
    assertThat(e.error()).isNotInstanceOf(TestGroups.TestError.class);
    assertThat(e.error().group()).isEqualTo(3);
    assertThat(e.error().rc()).isEqualTo(2);
  }

  @Test
  void rcTakesPrecedenceOverErr() {
    byte[] payload = new CborWriter().startMap()
        .key("err").startMap().key("group").uint(8).key("rc").uint(3).end()
        .key("rc").uint(6)
        .end().toByteArray();
    assertThatThrownBy(() -> ResponseErrors.check(payload))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(6));
  }

  @Test
  void everyZephyrVectorResponseIsReadAsItsKindOfResult() {
    int errors = 0;
    int groupErrors = 0;
    for (Vectors.Exchange e : Vectors.of("udp")) {
      String hex = Packets.hex(e.responsePayload());
      if (hex.equals("bf62726308ff")) {
        errors++;
        assertThatThrownBy(() -> ResponseErrors.check(e.responsePayload()))
            .as(e.name()).isInstanceOfSatisfying(MgmtException.class, x -> assertThat(x.rc()).isEqualTo(8));
      } else if (hex.startsWith("bf63657272")) {
        groupErrors++;
        assertThatThrownBy(() -> ResponseErrors.check(e.responsePayload()))
            .as(e.name()).isInstanceOfSatisfying(GroupErrorException.class,
                x -> assertThat(x.error().group()).isEqualTo(e.group()));
      } else {
        assertThatCode(() -> ResponseErrors.check(e.responsePayload())).as(e.name()).doesNotThrowAnyException();
      }
    }
    assertThat(errors).isEqualTo(4);
    assertThat(groupErrors).isEqualTo(6);
  }

  @Test
  void aDecoderFailingOtherwiseIsAMalformedResponse() {
    byte[] payload = new CborWriter().startMap(1).key("n").integer(-1).toByteArray();
    assertThatThrownBy(() -> Responses.decode(payload, rc -> null, in -> {
      in.beginMap();
      in.nextKey();
      long n = in.int64();
      if (n < 0) {
        throw new IllegalArgumentException("n must not be negative"); // as a record constructor would
      }
      return n;
    })).isInstanceOf(MalformedResponseException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Responses.decode(payload, rc -> null, in -> {
      String missing = null;
      return missing.length(); // a missing key read as null
    })).isInstanceOf(MalformedResponseException.class)
        .hasCauseInstanceOf(NullPointerException.class);
  }
}
