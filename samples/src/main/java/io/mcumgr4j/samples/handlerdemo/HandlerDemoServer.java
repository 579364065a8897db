package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the example group over UDP, with a hook that rejects {@code other} when {@code
 * user_value} is 13 (as Zephyr's handler_demo hook example rejects values it dislikes).
 *
 * <p>Run: {@code java -cp ... io.mcumgr4j.samples.handlerdemo.HandlerDemoServer [host] [port]}
 * (default 127.0.0.1 1337).
 */
public final class HandlerDemoServer {

  private HandlerDemoServer() {}

  /** Starts a server with the example group and its hook. */
  public static SmpServer newServer() {
    SmpServer server = new SmpServer();
    server.register(new ExampleMgmtDispatcher(new ExampleMgmtImpl()));
    ExampleMgmtEvents.onOther(server.callbacks(), (event, previous) ->
        event.userValue().orElse(0) == 13
            ? CallbackResult.groupError(ExampleMgmtError.REJECTED_BY_HOOK)
            : CallbackResult.OK);
    return server;
  }

  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 1337;
    SmpServer server = newServer();
    CountDownLatch stop = new CountDownLatch(1);
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, new InetSocketAddress(host, port))) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      System.out.println("example group (64) on udp " + endpoint.localAddress() + "; Ctrl-C stops");
      stop.await();
    } finally {
      server.close();
    }
  }
}
