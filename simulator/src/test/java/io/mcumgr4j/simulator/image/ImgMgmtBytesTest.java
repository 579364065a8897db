package io.mcumgr4j.simulator.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.groups.image.ImgMgmtError;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Response payloads byte for byte, as Zephyr 4.4.0 writes them (spec sections 4.1 and 8). */
class ImgMgmtBytesTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] V1 = Images.image(ImageVersion.of(0, 0, 0), 3000);
  private static final byte[] V2 = Images.image(new ImageVersion(1, 2, 3, 4), 70_000 - 552);

  @TempDir
  Path dir;
  private UdpImageDevice device;
  private SmpClient smp;

  @BeforeEach
  void start() throws Exception {
    device = new UdpImageDevice(dir, 1, V1, false);
    smp = device.smp();
  }

  @AfterEach
  void stop() {
    device.close();
  }

  private byte[] upload(long off, byte[] data, boolean first) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(first ? 6 : 2);
    if (first) {
      out.key("image");
      out.uint32(0);
      out.key("len");
      out.uint32(V2.length);
      out.key("sha");
      out.bytes(McubootImage.sha256(V2));
      out.key("upgrade");
      out.bool(false);
    }
    out.key("off");
    out.uint32(off);
    out.key("data");
    out.bytes(data);
    out.endMap();
    SmpFrame reply = smp.send(Op.WRITE, 1, 1, out.toByteArray());
    assertThat(reply.header().opCode()).isEqualTo(Op.WRITE_RSP);
    return reply.payload();
  }

  @Test
  void uploadRepliesCarryOffOnly() {
    // 1961 and 2020 data bytes: the chunk sizes smpclient sent to the 4.4.0 sample at buf_size 2048
    assertThat(HEX.formatHex(upload(0, Arrays.copyOf(V2, 1961), true))).isEqualTo("bf636f66661907a9ff");
    long off = 1961;
    while (off < 65536) {
      int n = (int) Math.min(2020, V2.length - off);
      byte[] reply = upload(off, Arrays.copyOfRange(V2, (int) off, (int) off + n), false);
      off += n;
      String expected = off < 65536 ? String.format("bf636f666619%04xff", off) : String.format("bf636f66661a%08xff", off);
      assertThat(HEX.formatHex(reply)).isEqualTo(expected);
    }
    while (off < V2.length) {
      int n = (int) Math.min(2018, V2.length - off);
      byte[] reply = upload(off, Arrays.copyOfRange(V2, (int) off, (int) off + n), false);
      off += n;
      assertThat(HEX.formatHex(reply)).isEqualTo(String.format("bf636f66661a%08xff", off));
    }
    assertThat(device.store.slot(0, 1)).isEqualTo(V2);
  }

  @Test
  void stateReplyKeysInZephyrsOrder() throws Exception {
    SmpFrame reply = smp.send(Op.READ, 1, 0, new byte[] {(byte) 0xA0});
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0xBF);
    text(expected, "images");
    expected.write(0x9F);
    expected.write(0xBF);
    text(expected, "slot");
    expected.write(0x00);
    text(expected, "version");
    text(expected, "0.0.0");
    text(expected, "hash");
    expected.writeBytes(HEX.parseHex("5820"));
    expected.writeBytes(McubootImage.parse(V1).hash());
    text(expected, "bootable");
    expected.write(0xF5);
    text(expected, "pending");
    expected.write(0xF4);
    text(expected, "confirmed");
    expected.write(0xF5);
    text(expected, "active");
    expected.write(0xF5);
    text(expected, "permanent");
    expected.write(0xF4);
    expected.write(0xFF);
    expected.write(0xFF);
    text(expected, "splitStatus");
    expected.write(0x00);
    expected.write(0xFF);
    assertThat(HEX.formatHex(reply.payload())).isEqualTo(HEX.formatHex(expected.toByteArray()));
  }

  @Test
  void groupErrorsComeAsErrAlone() {
    SmpFrame reply = smp.send(Op.WRITE, 1, 1, HEX.parseHex("a1646461746141ff"));
    // {err: {group: 1, rc: 20}}: no off
    assertThat(HEX.formatHex(reply.payload())).isEqualTo("bf63657272bf6567726f75700162726314ffff");
  }

  @Test
  void aGroupErrorFromTheUploadHookComesBeforeTheExpectedOff() {
    ImageEvents.onDfuChunk(device.server.callbacks(), (check, previous) -> check.request().off() == 1961
        ? CallbackResult.groupError(ImgMgmtError.NO_FREE_MEMORY) : CallbackResult.OK);
    upload(0, Arrays.copyOf(V2, 1961), true);
    // Zephyr's smp_add_cmd_err, then img_mgmt_upload_good_rsp: {err: {group: 1, rc: 15}, off: 1961}
    assertThat(HEX.formatHex(upload(1961, Arrays.copyOfRange(V2, 1961, 3981), false)))
        .isEqualTo("bf63657272bf6567726f7570016272630fff636f66661907a9ff");
  }

  private static void text(ByteArrayOutputStream out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.write(0x60 + bytes.length);
    out.writeBytes(bytes);
  }
}
