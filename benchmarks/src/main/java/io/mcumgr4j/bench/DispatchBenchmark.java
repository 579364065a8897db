package io.mcumgr4j.bench;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.ResponseSink;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import java.io.IOException;
import java.util.Arrays;
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
 * Request dispatch of a hand-written echo command (group 64, command 0, write; request
 * {@code {d: tstr}}, response {@code {r: tstr}}) registered on an {@link SmpServer} with
 * {@link ServerConfig#DEFAULT}.
 *
 * <p>{@link #serverProcess} feeds one request packet to {@link SmpServer#process} on the calling
 * thread, with a {@link ResponseSink} that hands the response bytes to the {@link Blackhole}: the
 * server's request path alone (header decode, handler lookup, {@link CborReader}, the handler,
 * {@link CborWriter}, header encode), no thread hop.
 *
 * <p>{@link #clientRoundTrip} sends the same request with a blocking {@link SmpClient#send} over
 * an {@link InMemoryTransport}: frame encoding, sequence bookkeeping and timeout scheduling in the
 * client, the hop to a server worker thread and back, and response matching. One request is in
 * flight at a time per benchmark thread, so its throughput is the inverse of the round-trip time.
 *
 * <p>Both states check in {@code @Setup} that the echo answers with {@code r} equal to the
 * request's {@code d}, so the figures are those of the success path.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DispatchBenchmark {

  private static final int GROUP = 64;
  private static final int COMMAND = 0;
  private static final String ECHO = "hello from mcumgr4j benchmarks";

  /** A server with the echo group, fed on the calling thread. */
  @State(Scope.Thread)
  public static class ProcessState {
    SmpServer server;
    TransportInfo info;
    byte[] packet;
    BlackholeSink sink;

    @Setup
    public void setup(Blackhole bh) {
      server = echoServer();
      info = new TransportInfo("memory", "benchmark", ServerConfig.DEFAULT.bufSize());
      byte[] payload = echoRequest();
      packet = SmpFrame.of(Op.WRITE.code(), SmpHeader.VERSION_2, GROUP, 0, COMMAND, payload).encode();
      byte[][] response = new byte[1][];
      server.process(packet, 0, packet.length, info,
          (rsp, off, len) -> response[0] = Arrays.copyOfRange(rsp, off, off + len));
      checkEcho(SmpFrame.decode(response[0]));
      sink = new BlackholeSink(bh);
    }

    @TearDown
    public void tearDown() {
      server.close();
    }
  }

  /** A server with the echo group and a client wired to it in memory. */
  @State(Scope.Benchmark)
  public static class ClientState {
    SmpServer server;
    SmpClient client;
    byte[] payload;

    @Setup
    public void setup() throws IOException {
      server = echoServer();
      client = new SmpClient(new InMemoryTransport(server));
      payload = echoRequest();
      checkEcho(client.send(Op.WRITE, GROUP, COMMAND, payload));
    }

    @TearDown
    public void tearDown() {
      client.close();
      server.close();
    }
  }

  /** Hands each response packet to the benchmark's blackhole. */
  static final class BlackholeSink implements ResponseSink {
    private final Blackhole bh;

    BlackholeSink(Blackhole bh) {
      this.bh = bh;
    }

    @Override
    public void send(byte[] packet, int offset, int length) {
      bh.consume(packet);
      bh.consume(offset);
      bh.consume(length);
    }
  }

  /** One echo request processed on the calling thread, response into the blackhole. */
  @Benchmark
  public void serverProcess(ProcessState s) {
    s.server.process(s.packet, 0, s.packet.length, s.info, s.sink);
  }

  /** One blocking echo round trip through the client, the in-memory link and a server worker. */
  @Benchmark
  public SmpFrame clientRoundTrip(ClientState s) {
    return s.client.send(Op.WRITE, GROUP, COMMAND, s.payload);
  }

  private static SmpServer echoServer() {
    SmpServer server = new SmpServer(ServerConfig.DEFAULT);
    server.register(new EchoGroup());
    return server;
  }

  private static byte[] echoRequest() {
    return new CborWriter().startMap(1).key("d").text(ECHO).toByteArray();
  }

  private static void checkEcho(SmpFrame response) {
    SmpHeader h = response.header();
    String echoed = null;
    CborReader in = CborReader.of(response.payload());
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("r")) {
        echoed = in.text();
      } else {
        in.skipValue();
      }
    }
    if (h.op() != Op.WRITE_RSP.code() || h.group() != GROUP || !ECHO.equals(echoed)) {
      throw new IllegalStateException("echo did not answer as expected: " + response);
    }
  }

  /** Group 64 with one command, 0: write echoes {@code d} back as {@code r}. */
  private static final class EchoGroup implements GroupHandler {
    private static final CommandHandler ECHO_HANDLER = (ctx, in, out) -> {
      String d = null;
      in.beginMap();
      for (String key = in.nextKey(); key != null; key = in.nextKey()) {
        if (key.equals("d")) {
          d = in.text();
        } else {
          in.skipValue();
        }
      }
      if (d == null) {
        throw new MgmtException(MgmtErr.EINVAL, "'d' is missing");
      }
      out.key("r").text(d);
    };

    @Override
    public int groupId() {
      return GROUP;
    }

    @Override
    public String name() {
      return "bench echo";
    }

    @Override
    public int commandSlots() {
      return 1;
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      return id == COMMAND && op == Op.WRITE ? ECHO_HANDLER : null;
    }
  }
}
