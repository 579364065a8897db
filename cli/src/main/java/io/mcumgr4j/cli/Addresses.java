package io.mcumgr4j.cli;

import java.net.InetSocketAddress;

/** Parses {@code HOST[:PORT]} with IPv6 hosts in brackets ({@code [::1]:1337}). */
final class Addresses {

  private Addresses() {}

  /**
   * @param defaultPort the port when the text has none, or -1 when a port is required
   * @throws UsageException naming {@code text} and what is wrong with it
   */
  static InetSocketAddress parse(String text, int defaultPort) {
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw bad(text, "missing ']'");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw bad(text, "expected ':PORT' after ']'");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon >= 0 && text.indexOf(':') == colon) {
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      } else {
        host = text; // no port, or a bare IPv6 address
      }
    }
    if (host.isEmpty()) {
      throw bad(text, "no host (e.g. 192.0.2.1" + (defaultPort < 0 ? ":4321" : "") + ")");
    }
    if (port == null && defaultPort < 0) {
      throw bad(text, "no port (HOST:PORT)");
    }
    return new InetSocketAddress(host, port == null ? defaultPort : number(text, port));
  }

  private static int number(String text, String port) {
    try {
      int value = Integer.parseInt(port);
      if (value >= 0 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(text, "port '" + port + "' is not a number in 0..65535");
  }

  private static UsageException bad(String text, String why) {
    return new UsageException("bad address '" + text + "': " + why);
  }
}
