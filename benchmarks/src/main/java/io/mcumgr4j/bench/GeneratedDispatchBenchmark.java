package io.mcumgr4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One upload request (group 65, command 0, write; 238 bytes: the 8-byte header and a map of
 * {@code off}, {@code name}, {@code data} (128 bytes), {@code len}, {@code sha} (32 bytes) and
 * {@code upgrade}) answered with {@code {off, match}} by the same {@link FileUpload}, two ways.
 *
 * <p>{@link #generatedDispatcher} feeds the packet to {@link SmpServer#process} on the calling
 * thread, with the processor-generated {@code UploadMgmtDispatcher} registered: header decode,
 * handler lookup, the generated decoder on {@link CborReader} (typed, range-checked reads,
 * duplicate and missing key checks), the call, the generated encoder on {@link CborWriter}, header
 * encode. The response bytes go to the {@link Blackhole}.
 *
 * <p>{@link #jacksonMap} is the baseline a hand-written server would use on the same packet:
 * {@link SmpHeader#decode}, a check of op, group and command, Jackson data binding ({@code new
 * ObjectMapper(new CBORFactory())}) reading the payload into a {@code Map}, each parameter pulled
 * from the map with its type and range checked, the same call, the response map written with
 * {@link ObjectMapper#writeValueAsBytes} and copied behind a new 8-byte header.
 *
 * <p>{@code @Setup} checks that both answer the request with a {@code write} response carrying
 * {@code off} = 128 and {@code match} = true, so the figures are those of the success path.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class GeneratedDispatchBenchmark {

  private static final int COMMAND = 0;
  private static final int FILE_LENGTH = 245_760;
  private static final String FILE_NAME = "/lfs/update/app-signed.bin";

  private SmpServer server;
  private TransportInfo info;
  private DispatchBenchmark.BlackholeSink sink;
  private JacksonMapServer baseline;
  private byte[] packet;

  @Setup
  public void setup(Blackhole bh) {
    Random random = new Random(42);
    byte[] sha = new byte[32];
    random.nextBytes(sha);
    byte[] data = new byte[128];
    random.nextBytes(data);
    FileUpload upload = new FileUpload(FILE_LENGTH, sha);

    server = new SmpServer(ServerConfig.DEFAULT);
    server.register(new UploadMgmtDispatcher(upload));
    info = new TransportInfo("memory", "benchmark", ServerConfig.DEFAULT.bufSize());
    baseline = new JacksonMapServer(upload);
    byte[] payload = new CborWriter().startMap(6)
        .key("off").uint(0)
        .key("name").text(FILE_NAME)
        .key("data").bytes(data)
        .key("len").uint(FILE_LENGTH)
        .key("sha").bytes(sha)
        .key("upgrade").bool(false)
        .toByteArray();
    packet = SmpFrame.of(Op.WRITE.code(), SmpHeader.VERSION_2, UploadMgmtDispatcher.GROUP_ID, 7, COMMAND, payload)
        .encode();

    byte[][] response = new byte[1][];
    server.process(packet, 0, packet.length, info,
        (rsp, off, len) -> response[0] = Arrays.copyOfRange(rsp, off, off + len));
    checkResponse("generated dispatcher", response[0]);
    checkResponse("Jackson baseline", baseline.handle(packet, 0, packet.length));
    sink = new DispatchBenchmark.BlackholeSink(bh);
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  /** The request through {@link SmpServer#process} and the generated dispatcher. */
  @Benchmark
  public void generatedDispatcher() {
    server.process(packet, 0, packet.length, info, sink);
  }

  /** The request through Jackson data binding to a {@code Map} and a hand-written call. */
  @Benchmark
  public byte[] jacksonMap() {
    return baseline.handle(packet, 0, packet.length);
  }

  private static void checkResponse(String path, byte[] response) {
    SmpFrame frame = SmpFrame.decode(response);
    SmpHeader h = frame.header();
    long off = -1;
    Boolean match = null;
    CborReader in = CborReader.of(frame.payload());
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "off" -> off = in.uint32();
        case "match" -> match = in.bool();
        default -> in.skipValue();
      }
    }
    if (h.op() != Op.WRITE_RSP.code() || h.group() != UploadMgmtDispatcher.GROUP_ID || h.sequence() != 7
        || h.command() != COMMAND || off != 128 || !Boolean.TRUE.equals(match)) {
      throw new IllegalStateException(path + " did not answer as expected: " + frame);
    }
  }

  /**
   * The baseline server: one hand-written handler for the upload command over Jackson data
   * binding, answering {@code {rc}} or {@code err} as {@link SmpServer} would.
   */
  static final class JacksonMapServer {
    private final ObjectMapper mapper = new ObjectMapper(new CBORFactory());
    private final UploadMgmt impl;

    JacksonMapServer(UploadMgmt impl) {
      this.impl = impl;
    }

    /** The response packet to one request packet holding one message. */
    byte[] handle(byte[] packet, int offset, int length) {
      SmpHeader header = SmpHeader.decode(packet, offset, length);
      Map<String, Object> body = new LinkedHashMap<>();
      try {
        if (header.opCode() != Op.WRITE || header.group() != UploadMgmtDispatcher.GROUP_ID
            || header.command() != COMMAND) {
          throw new MgmtException(MgmtErr.ENOTSUP);
        }
        Map<?, ?> request = mapper.readValue(packet, offset + SmpHeader.SIZE, header.length(), Map.class);
        UploadMgmt.UploadResult result = impl.upload(
            uint32(request, "off"),
            text(request, "name"),
            bytes(request, "data"),
            request.containsKey("len") ? OptionalLong.of(uint32(request, "len")) : OptionalLong.empty(),
            request.containsKey("sha") ? bytes(request, "sha") : null,
            request.containsKey("upgrade") ? bool(request, "upgrade") : null);
        body.put("off", result.off());
        if (result.match() != null) {
          body.put("match", result.match());
        }
      } catch (MgmtException e) {
        body.clear();
        body.put("rc", e.rc());
      } catch (GroupErrorException e) {
        body.clear();
        body.put("err", Map.of("group", e.error().group(), "rc", e.error().rc()));
      } catch (IOException e) {
        body.clear();
        body.put("rc", MgmtErr.EINVAL.code());
      }
      try {
        byte[] payload = mapper.writeValueAsBytes(body);
        byte[] response = new byte[SmpHeader.SIZE + payload.length];
        header.response(payload.length).encode(response, 0);
        System.arraycopy(payload, 0, response, SmpHeader.SIZE, payload.length);
        return response;
      } catch (IOException e) {
        throw new IllegalStateException("a map of numbers did not encode", e);
      }
    }

    private static Object value(Map<?, ?> request, String key) {
      Object v = request.get(key);
      if (v == null) {
        throw new MgmtException(MgmtErr.EINVAL, "'" + key + "' is required");
      }
      return v;
    }

    private static long uint32(Map<?, ?> request, String key) {
      Object v = value(request, key);
      if (!(v instanceof Integer || v instanceof Long)) {
        throw new MgmtException(MgmtErr.EINVAL, "'" + key + "' must be an unsigned integer");
      }
      long n = ((Number) v).longValue();
      if (n < 0 || n > 0xFFFF_FFFFL) {
        throw new MgmtException(MgmtErr.EINVAL, "'" + key + "' = " + n + " is outside 0..4294967295");
      }
      return n;
    }

    private static String text(Map<?, ?> request, String key) {
      if (value(request, key) instanceof String s) {
        return s;
      }
      throw new MgmtException(MgmtErr.EINVAL, "'" + key + "' must be a text string");
    }

    private static byte[] bytes(Map<?, ?> request, String key) {
      if (value(request, key) instanceof byte[] b) {
        return b;
      }
      throw new MgmtException(MgmtErr.EINVAL, "'" + key + "' must be a byte string");
    }

    private static Boolean bool(Map<?, ?> request, String key) {
      if (value(request, key) instanceof Boolean b) {
        return b;
      }
      throw new MgmtException(MgmtErr.EINVAL, "'" + key + "' must be a boolean");
    }
  }
}
