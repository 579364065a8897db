package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.InetSocketAddress;
import java.util.OptionalLong;

/**
 * Calls the example group's commands on a device over UDP with the generated client.
 *
 * <p>Run: {@code java -cp ... io.mcumgr4j.samples.handlerdemo.HandlerDemoClient [host] [port]}.
 */
public final class HandlerDemoClient {

  private HandlerDemoClient() {}

  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 1337;
    try (SmpClient smp = new SmpClient(new UdpTransport(new InetSocketAddress(host, port)))) {
      ExampleMgmtClient example = new ExampleMgmtClient(smp);
      System.out.println("test(5, \"hi\") -> " + example.test(5, "hi"));
      try {
        example.test(51, "hi");
      } catch (GroupErrorException e) {
        System.out.println("test(51, \"hi\") -> " + e.error());
      }
      System.out.println("other() -> " + example.other(OptionalLong.empty()));
      try {
        example.other(OptionalLong.of(13));
      } catch (GroupErrorException e) {
        System.out.println("other(13) -> " + e.error());
      }
    }
  }
}
