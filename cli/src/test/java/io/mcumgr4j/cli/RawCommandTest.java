package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.client.MalformedResponseException;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** {@code mcumgr4j raw} against a simulated device, in-process, and its JSON/CBOR mapping. */
class RawCommandTest extends CliDeviceTest {

  @Test
  void echoRoundTrip() {
    assertThat(run("raw", "--group", "os", "--command", "0", "--op", "write", "{\"d\":\"x\"}"))
        .isEqualTo(new Run(0, "{\n  \"r\": \"x\"\n}\n", ""));
    assertThat(run("--json", "raw", "-g", "0", "-i", "0", "--op", "READ", "{\"d\":\"y\"}").out())
        .isEqualTo("{\"r\":\"y\"}\n");
    // no payload: {} (echo answers "")
    assertThat(run("--json", "raw", "-g", "os", "-i", "0", "--op", "write").json()).isEqualTo(Map.of("r", ""));
    assertThat(run("--smp-v1", "--json", "raw", "-g", "os", "-i", "0", "--op", "write", "{\"d\":\"v1\"}").json())
        .isEqualTo(Map.of("r", "v1"));
  }

  @Test
  void byteStringsRoundTripAsHex() {
    assertThat(run("--json", "raw", "-g", "settings", "-i", "0", "--op", "write",
        "{\"name\":\"app/raw\",\"val\":\"hex:00ff10\"}").json()).isEmpty();
    Run read = run("--json", "raw", "-g", "settings", "-i", "0", "--op", "read", "{\"name\":\"app/raw\"}");
    assertThat(read.json()).isEqualTo(Map.of("val", "hex:00ff10"));
    // the typed command sees the same bytes
    assertThat(run("settings", "read", "app/raw").out()).isEqualTo("00ff10\n");
    // the response sent back as a request payload writes the same value
    assertThat(run("raw", "-g", "3", "-i", "0", "--op", "write",
        "{\"name\":\"app/raw2\"," + read.out().strip().substring(1)).code()).isZero();
    assertThat(run("settings", "read", "app/raw2").out()).isEqualTo("00ff10\n");
  }

  @Test
  void nestedValues() {
    Run stats = run("--json", "raw", "-g", "enum", "-i", "3", "--op", "read", "{\"groups\":[0, 63]}");
    assertThat(stats.json()).isEqualTo(Map.of("groups", List.of(
        Map.of("group", 0L, "name", "os mgmt", "handlers", 9L),
        Map.of("group", 63L, "name", "zephyr basic mgmt", "handlers", 1L))));
  }

  @Test
  void aRequestLargerThanTheLinkCarriesIsAUsageErrorAndNotSent() {
    Run tooLarge = run("raw", "-g", "os", "-i", "0", "--op", "write", "{\"d\":\"" + "x".repeat(2_000) + "\"}");

    assertThat(tooLarge.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooLarge.err()).contains("exceeds the udp link's MTU of 1500 bytes: nothing was sent");
  }

  @Test
  void absentGroupIsAnRcError() {
    Run absent = run("raw", "-g", "100", "-i", "0", "--op", "read");
    // the response is printed whatever it says; the exit code and error line give the verdict
    assertThat(absent).isEqualTo(new Run(ExitCodes.RC_ERROR, "{\n  \"rc\": 8\n}\n",
        "mcumgr4j: device error: MGMT_ERR_ENOTSUP (8)\n"));
  }

  @Test
  void groupErrorByNameForBuiltInGroups() {
    Run root = run("--json", "raw", "-g", "settings", "-i", "0", "--op", "read", "{\"name\":\"vec/key\"}");
    assertThat(root.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(root.json()).isEqualTo(Map.of("err", Map.of("group", 3L, "rc", 5L)));
    assertThat(root.err()).isEqualTo("mcumgr4j: device error: ROOT_KEY_NOT_FOUND (group 3, rc 5)\n");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    for (String[] args : List.of(
        new String[] {"raw", "-g", "os", "-i", "0", "--op", "write", "{\"d\":"},
        new String[] {"raw", "-g", "os", "-i", "0", "--op", "write", "[1]"},
        new String[] {"raw", "-g", "os", "-i", "0", "--op", "write", "{\"d\":\"hex:abc\"}"},
        new String[] {"raw", "-g", "os", "-i", "0", "--op", "write", "{\"d\":1,\"d\":2}"},
        new String[] {"raw", "-g", "nosuch", "-i", "0", "--op", "write"},
        new String[] {"raw", "-g", "70000", "-i", "0", "--op", "write"},
        new String[] {"raw", "-g", "os", "-i", "256", "--op", "write"},
        new String[] {"raw", "-g", "os", "-i", "0", "--op", "delete"})) {
      Run bad = run(args);
      assertThat(bad.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(bad.out()).isEmpty();
    }
  }

  @Test
  void aCustomGroupIsNamedAsTheDeviceEnumeratesIt() {
    device.server().register(new ThermostatMgmtDispatcher(new ThermostatMgmt() {
      @Override
      public void setTarget(int tenths) {}

      @Override
      public Reading read() {
        return new Reading(215, 210);
      }
    }));
    assertThat(run("--json", "raw", "-g", "thermostat", "-i", "1", "--op", "read").json())
        .isEqualTo(Map.of("target", 215L, "measured", 210L));
    Run unknown = run("raw", "-g", "no_such_group", "-i", "0", "--op", "read");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("'no_such_group'").contains("thermostat");
  }

  @Test
  void jsonToCborAsClientsEncode() {
    // definite-length map and array, shortest integers, a byte string from "hex:"
    assertThat(hex(RawTranscoder.toCbor("{\"a\":[1,-2,\"hex:ff\",\"t\"]}")))
        .isEqualTo("a16161840121" + "41ff" + "6174");
    assertThat(hex(RawTranscoder.toCbor("{\"n\":null,\"b\":true,\"f\":1.5,\"e\":\"hex:\"}")))
        .isEqualTo("a4616ef66162f56166fb3ff80000000000006165" + "40");
    assertThat(hex(RawTranscoder.toCbor("{\"m\":{\"x\":[[],{}],\"y\":[{\"z\":[1,2,3]}]},\"k\":0}")))
        .isEqualTo("a2616d" + "a2" + "6178" + "82" + "80" + "a0" + "6179" + "81" + "a1" + "617a" + "83010203"
            + "616b" + "00");
  }

  @Test
  void integersAreExactToSixtyFourBitsBothWays() {
    assertThat(hex(RawTranscoder.toCbor("{\"u\":18446744073709551615,\"n\":-18446744073709551616}")))
        .isEqualTo("a26175" + "1bffffffffffffffff" + "616e" + "3bffffffffffffffff");
    assertThat(hex(RawTranscoder.toCbor("{\"a\":9223372036854775808,\"b\":-9223372036854775809}")))
        .isEqualTo("a26161" + "1b8000000000000000" + "6162" + "3b8000000000000000");
    byte[] cbor = HexFormat.of().parseHex("a2" + "6175" + "1bffffffffffffffff" + "616e" + "3bffffffffffffffff");
    assertThat(RawTranscoder.toJson(cbor, false))
        .isEqualTo("{\"u\":18446744073709551615,\"n\":-18446744073709551616}");
    assertThat(RawTranscoder.toCbor(RawTranscoder.toJson(cbor, false))).isEqualTo(cbor);
    assertThatThrownBy(() -> RawTranscoder.toCbor("{\"u\":18446744073709551616}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside -2^64..2^64-1");
  }

  @Test
  void badJsonIsOneLineWithItsPlace() {
    assertThatThrownBy(() -> RawTranscoder.toCbor("{\"d\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1, column")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Source").doesNotContain("\n"));
    assertThatThrownBy(() -> RawTranscoder.toCbor("{\"d\":1,\"d\":2}")).hasMessageContaining("'d'");
    assertThatThrownBy(() -> RawTranscoder.toCbor("{} []")).hasMessageContaining("after the JSON object");
    assertThatThrownBy(() -> RawTranscoder.toCbor("[1]")).hasMessageContaining("must be a JSON object");
  }

  @Test
  void cborToJsonKeepsEveryValue() {
    // {"u": 2^64-1, "n": -3, "b": h'0102', "h": 1.5 (half), "x": undefined, "t": 1("s"), "a": [_ true]}
    byte[] cbor = HexFormat.of().parseHex("a7" + "6175" + "1bffffffffffffffff" + "616e" + "22" + "6162" + "420102"
        + "6168" + "f93e00" + "6178" + "f7" + "6174" + "c16173" + "6161" + "9ff5ff");
    assertThat(RawTranscoder.toJson(cbor, false))
        .isEqualTo("{\"u\":18446744073709551615,\"n\":-3,\"b\":\"hex:0102\",\"h\":1.5,\"x\":null,\"t\":\"s\","
            + "\"a\":[true]}");
    // and back: the same values, in definite-length form
    assertThat(hex(RawTranscoder.toCbor(RawTranscoder.toJson(cbor, false)))).startsWith("a7" + "6175" + "1bffffffffffffffff");
  }

  @Test
  void cborToJsonWalksNestedIndefiniteContainers() {
    // {_ "m": [_ {_ "k": [1, {}]}, []], "z": 0} as Zephyr answers, every container of indefinite length but two
    byte[] cbor = HexFormat.of().parseHex("bf" + "616d" + "9f" + "bf" + "616b" + "82" + "01" + "a0" + "ff" + "80" + "ff"
        + "617a" + "00" + "ff");
    assertThat(RawTranscoder.toJson(cbor, false)).isEqualTo("{\"m\":[{\"k\":[1,{}]},[]],\"z\":0}");
    assertThatThrownBy(() -> RawTranscoder.toJson(HexFormat.of().parseHex("bf6161"), false))
        .isInstanceOf(MalformedResponseException.class);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
