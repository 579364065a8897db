package io.mcumgr4j.bench;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.frame.SmpHeader;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encoding and decoding of one SMP request packet shaped like the first chunk of an image upload
 * (group 1, command 1, write): the 8-byte header followed by a definite-length CBOR map of
 * {@code image} (uint), {@code len} (uint), {@code off} (uint), {@code sha} (32-byte bstr),
 * {@code data} (128-byte bstr) and {@code upgrade} (bool), 212 bytes in all.
 *
 * <p>{@link #encode} writes the packet with a {@link CborWriter} that is reused across operations
 * (reset each time), header included. {@link #decode} reads the header with {@link
 * SmpHeader#decode} and walks every key of the map with a {@link CborReader}, reading each value
 * with its typed call; every decoded value goes to the {@link Blackhole}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class FrameCodecBenchmark {

  private static final int GROUP_IMAGE = 1;
  private static final int COMMAND_UPLOAD = 1;

  private CborWriter writer;
  private int sequence;
  private long imageLength;
  private long offset;
  private byte[] sha;
  private byte[] data;
  private byte[] packet;

  @Setup
  public void setup() {
    Random random = new Random(42);
    writer = new CborWriter(512, 0xFFFF);
    sequence = 17;
    imageLength = 245_760;
    offset = 0;
    sha = new byte[32];
    random.nextBytes(sha);
    data = new byte[128];
    random.nextBytes(data);
    writeRequest();
    packet = writer.toByteArray();
  }

  /** Header and map written into the reused writer; returns the packet length. */
  @Benchmark
  public int encode(Blackhole bh) {
    int length = writeRequest();
    bh.consume(writer.buffer());
    return length;
  }

  /** Header decoded and every key of the map read with its typed call. */
  @Benchmark
  public void decode(Blackhole bh) {
    SmpHeader header = SmpHeader.decode(packet, 0, packet.length);
    bh.consume(header);
    CborReader in = CborReader.of(packet, SmpHeader.SIZE, header.length());
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "image" -> bh.consume(in.uint8());
        case "len", "off" -> bh.consume(in.uint32());
        case "sha", "data" -> bh.consume(in.bytes());
        case "upgrade" -> bh.consume(in.bool());
        default -> in.skipValue();
      }
    }
  }

  private int writeRequest() {
    CborWriter out = writer.reset();
    out.skip(SmpHeader.SIZE);
    out.startMap(6)
        .key("image").uint(0)
        .key("len").uint(imageLength)
        .key("off").uint(offset)
        .key("sha").bytes(sha)
        .key("data").bytes(data)
        .key("upgrade").bool(false);
    int payloadLength = out.size() - SmpHeader.SIZE;
    SmpHeader.request(Op.WRITE, SmpHeader.VERSION_2, GROUP_IMAGE, sequence, COMMAND_UPLOAD, payloadLength)
        .encode(out.buffer(), 0);
    return out.size();
  }
}
