package io.mcumgr4j.server;

import java.io.IOException;

/** Where a server endpoint sends the response packets of one request packet. */
@FunctionalInterface
public interface ResponseSink {

  /**
   * Sends one response packet. The bytes are valid only during the call (the server reuses its
   * buffer), so an asynchronous sink copies them.
   */
  void send(byte[] packet, int offset, int length) throws IOException;
}
