package io.mcumgr4j.cli;

import java.net.InetSocketAddress;

/** Parses {@code HOST[:PORT]} with IPv6 hosts in brackets ({@code [::1]:1337}). */
final class Addresses {

  private Addresses() {}

  static InetSocketAddress parse(String text, int defaultPort) {
    String host;
    int port = defaultPort;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in " + text);
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("expected ':PORT' after ']' in " + text);
        }
        port = Integer.parseInt(rest.substring(1));
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon >= 0 && text.indexOf(':') == colon) {
        host = text.substring(0, colon);
        port = Integer.parseInt(text.substring(colon + 1));
      } else {
        host = text; // no port, or a bare IPv6 address
      }
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " outside 0..65535");
    }
    return new InetSocketAddress(host, port);
  }
}
