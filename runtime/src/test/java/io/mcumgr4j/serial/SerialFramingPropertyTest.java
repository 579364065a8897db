package io.mcumgr4j.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SerialFramingPropertyTest {

  /** One packet, optionally followed by a console line (a log, a shell reply). */
  record Item(byte[] packet, Optional<String> console) {}

  @Property(tries = 200)
  void packetsSurviveChunkingAndConsoleNoise(
      @ForAll("sessions") List<Item> items, @ForAll boolean zephyrStyle, @ForAll Random random) {
    SerialFrameEncoder encoder = zephyrStyle ? SerialFrameEncoder.zephyr() : SerialFrameEncoder.client();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (Item item : items) {
      stream.writeBytes(encoder.encode(item.packet()));
      item.console().ifPresent(line -> stream.writeBytes((line + "\n").getBytes(StandardCharsets.US_ASCII)));
    }
    List<byte[]> packets = new ArrayList<>();
    List<String> console = new ArrayList<>();
    SerialFrameDecoder decoder =
        new SerialFrameDecoder(
            SerialFrameDecoder.MAX_BODY, SerialFrameDecoder.DEFAULT_MAX_LINE_LENGTH, packets::add, console::add);

    byte[] wire = stream.toByteArray();
    for (int at = 0; at < wire.length; ) {
      int n = Math.min(wire.length - at, 1 + random.nextInt(300));
      decoder.feed(wire, at, n);
      at += n;
    }

    assertThat(packets).containsExactlyElementsOf(items.stream().map(Item::packet).toList());
    assertThat(console).containsExactlyElementsOf(items.stream().flatMap(i -> i.console().stream()).toList());
    assertThat(decoder.dropCounts().values()).allMatch(count -> count == 0);
  }

  @Property(tries = 300)
  void framesHaveZephyrsShape(
      @ForAll @Size(min = 1, max = 4096) byte[] packet, @ForAll boolean zephyrStyle) {
    SerialFrameEncoder encoder = zephyrStyle ? SerialFrameEncoder.zephyr() : SerialFrameEncoder.client();
    byte[] wire = encoder.encode(packet);
    List<byte[]> lines = SerialFrameEncoderTest.lines(wire);
    List<Integer> sizes = SerialFrameEncoderTest.rawSizes(wire);
    StringBuilder base64 = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      byte[] line = lines.get(i);
      int budget = i == 0 ? SerialFrameEncoder.MAX_LINE_BUDGET : encoder.continuationBudget();
      boolean last = i == lines.size() - 1;
      assertThat(line.length).isLessThanOrEqualTo(SerialFrameEncoder.MAX_LINE_LENGTH);
      assertThat(Arrays.copyOf(line, 2)).isEqualTo(i == 0 ? new byte[] {6, 9} : new byte[] {4, 20});
      String text = new String(line, 2, line.length - 3, StandardCharsets.US_ASCII);
      assertThat(text.length() % 4).isZero();
      if (!last) {
        assertThat(text).doesNotContain("=");
        // Full, or one group short when the CRC would otherwise not fit behind it.
        assertThat(sizes.get(i)).isIn(budget, budget - 3);
      }
      base64.append(text);
    }
    assertThat(sizes.get(sizes.size() - 1)).as("the CRC travels with data").isGreaterThanOrEqualTo(3);
    assertThat(base64.toString()).isEqualTo(Base64.getEncoder().encodeToString(body(packet)));
    assertThat(wire.length).isEqualTo(encoder.encodedLength(packet.length));
  }

  @Property(tries = 200)
  void anyGarbageIsSurvived(
      @ForAll @Size(max = 3000) byte[] garbage, @ForAll @IntRange(min = 5, max = 600) int maxBody) {
    List<byte[]> packets = new ArrayList<>();
    SerialFrameDecoder decoder = new SerialFrameDecoder(maxBody, 130, packets::add, line -> {});
    byte[] good = SerialFrameEncoderTest.counting(1);
    decoder.feed(garbage);
    decoder.feed(new byte[] {'\n'});
    decoder.feed(SerialFrameEncoder.zephyr().encode(good));
    assertThat(packets).isNotEmpty();
    assertThat(packets.get(packets.size() - 1)).isEqualTo(good);
  }

  @Provide
  Arbitrary<List<Item>> sessions() {
    Arbitrary<byte[]> packets = Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(4096);
    Arbitrary<Optional<String>> console =
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200).optional(0.4);
    return Combinators.combine(packets, console).as(Item::new).list().ofMinSize(1).ofMaxSize(4);
  }

  private static byte[] body(byte[] packet) {
    int crc = Crc16.compute(packet, 0, packet.length);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write((packet.length + 2) >> 8);
    body.write(packet.length + 2);
    body.writeBytes(packet);
    body.write(crc >> 8);
    body.write(crc);
    return body.toByteArray();
  }
}
