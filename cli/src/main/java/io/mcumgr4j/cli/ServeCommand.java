package io.mcumgr4j.cli;

import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.transport.udp.UdpServerEndpoint;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcumgr4j serve}: an SMP server on UDP until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve SMP over UDP (OS echo and MCUmgr parameters for now) until interrupted.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--udp", paramLabel = "HOST:PORT", description = "Address to bind (IPv6 as [::1]:1337). Default: ${DEFAULT-VALUE}.",
      defaultValue = "127.0.0.1:1337")
  String udp;

  @Option(names = "--buf-size", description = "SMP buffer size reported and enforced. Default: ${DEFAULT-VALUE}.",
      defaultValue = "2048")
  int bufSize;

  @Option(names = "--buf-count", description = "SMP buffer count reported. Default: ${DEFAULT-VALUE}.", defaultValue = "2")
  int bufCount;

  @Override
  public Integer call() throws Exception {
    InetSocketAddress address = Addresses.parse(udp, 1337);
    SmpServer server = new SmpServer(ServerConfig.DEFAULT.withBufSize(bufSize).withBufCount(bufCount));
    server.register(new EchoGroup());
    server.setRequestLog((h, t, rc) -> System.out.printf("%s %s group %d command %d seq %d -> %s%n",
        t.transport(), t.peer(), h.group(), h.command(), h.sequence(), rc == 0 ? "ok" : "rc " + rc));
    UdpServerEndpoint endpoint = new UdpServerEndpoint(server, address);
    // Ctrl-C or SIGTERM: the hook closes the endpoint and the server, then the JVM exits
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      server.close();
    }));
    System.out.println("serving SMP on udp " + endpoint.localAddress() + " (Ctrl-C stops)");
    new CountDownLatch(1).await();
    return 0;
  }
}
