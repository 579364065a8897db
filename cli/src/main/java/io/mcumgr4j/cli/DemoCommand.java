package io.mcumgr4j.cli;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.transport.serial.SerialServerEndpoint;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcumgr4j demo}: starts a device in this process and talks SMP to it over real UDP,
 * printing each exchange.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start an SMP server in-process and exercise it over UDP and the serial framing.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--requests", description = "Concurrent echo requests in the load step. Default: ${DEFAULT-VALUE}.",
      defaultValue = "1000")
  int requests;

  private int failures;

  @Override
  public Integer call() throws Exception {
    try (SmpServer server = new SmpServer(ServerConfig.DEFAULT.withQueueCapacity(512));
        UdpServerEndpoint endpoint = new UdpServerEndpoint(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      server.register(new EchoGroup());
      System.out.println("device: SMP server on udp " + endpoint.localAddress());
      try (SmpClient v2 = new SmpClient(new UdpTransport(endpoint.localAddress()))) {
        exchanges(v2);
      }
      try (SmpClient v1 = new SmpClient(new UdpTransport(endpoint.localAddress()),
          ClientConfig.DEFAULT.withVersion(SmpHeader.VERSION_1))) {
        step("echo over SMP v1", () -> "r = " + echo(v1, "legacy"));
      }
      step("echo over the serial console framing (in-process pipe)", () -> serialEcho(server));
    }
    System.out.println(failures == 0 ? "demo: all steps passed" : "demo: " + failures + " step(s) failed");
    return failures == 0 ? 0 : 1;
  }

  private void exchanges(SmpClient client) {
    step("mcumgr params (group 0, command 6)", () -> {
      SmpFrame rsp = client.send(Op.READ, 0, 6, new byte[] {(byte) 0xA0});
      printFrame(rsp);
      ResponseErrors.check(rsp.payload());
      return "buf_size = " + uintField(rsp.payload(), "buf_size") + ", buf_count = " + uintField(rsp.payload(), "buf_count");
    });
    step("echo (group 0, command 0)", () -> "r = " + echo(client, "Hello, World!"));
    step(requests + " echoes in flight at once", () -> {
      List<CompletableFuture<SmpFrame>> futures = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        futures.add(client.sendAsync(Op.WRITE, 0, 0, echoRequest("msg " + i)));
      }
      int matched = 0;
      for (int i = 0; i < requests; i++) {
        if (textField(SmpClient.await(futures.get(i)).payload(), "r").equals("msg " + i)) {
          matched++;
        }
      }
      if (matched != requests) {
        throw new IllegalStateException(matched + " of " + requests + " responses matched their request");
      }
      return "all " + matched + " responses matched their request";
    });
    step("a group the device lacks (group 64)", () -> {
      SmpFrame rsp = client.send(Op.READ, 64, 0, new byte[] {(byte) 0xA0});
      printFrame(rsp);
      try {
        ResponseErrors.check(rsp.payload());
        throw new IllegalStateException("expected an error");
      } catch (MgmtException e) {
        return "answered " + e.getMessage();
      }
    });
  }

  /** Runs a serial endpoint and client over a pipe and shows the console lines the device wrote. */
  private static String serialEcho(SmpServer server) throws IOException {
    PipedInputStream deviceIn = new PipedInputStream(1 << 16);
    PipedInputStream hostIn = new PipedInputStream(1 << 16);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    OutputStream deviceOut = new FilterOutputStream(new PipedOutputStream(hostIn)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        wire.write(b, off, len);
        out.write(b, off, len);
      }
    };
    // both pipes are connected before either end starts reading
    PipedOutputStream hostOut = new PipedOutputStream(deviceIn);
    try (SerialServerEndpoint device = new SerialServerEndpoint(server, deviceIn, deviceOut, "pipe");
        SmpClient client = new SmpClient(new SerialTransport(hostIn, hostOut))) {
      device.start();
      String r = echo(client, "over serial");
      String line = wire.toString(StandardCharsets.US_ASCII).replace("\u0006\t", "<06 09>").strip();
      return "r = " + r + "; the device wrote: " + line;
    }
  }

  private static String echo(SmpClient client, String text) {
    SmpFrame rsp = client.send(Op.WRITE, 0, 0, echoRequest(text));
    printFrame(rsp);
    ResponseErrors.check(rsp.payload());
    return textField(rsp.payload(), "r");
  }

  private static byte[] echoRequest(String text) {
    return new CborWriter().startMap(1).key("d").text(text).toByteArray();
  }

  private static String textField(byte[] payload, String name) {
    CborReader in = CborReader.of(payload);
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals(name)) {
        return in.text();
      }
      in.skipValue();
    }
    throw new IllegalStateException("response lacks '" + name + "'");
  }

  private static long uintField(byte[] payload, String name) {
    CborReader in = CborReader.of(payload);
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals(name)) {
        return in.uint32();
      }
      in.skipValue();
    }
    throw new IllegalStateException("response lacks '" + name + "'");
  }

  private static void printFrame(SmpFrame frame) {
    System.out.println("    <- " + HexFormat.of().formatHex(frame.encode()));
  }

  private interface Step {
    String run() throws Exception;
  }

  private void step(String title, Step step) {
    System.out.println("* " + title);
    try {
      System.out.println("    " + step.run());
    } catch (Exception e) {
      failures++;
      System.out.println("    FAILED: " + e);
    }
  }
}
