package io.mcumgr4j.client;

import io.mcumgr4j.error.SmpException;

/**
 * A request was refused before sending: its packet is larger than the link carries in one message
 * (the transport's MTU) or than the device takes (its {@code buf_size}, once known). Sent anyway, it
 * would be dropped or cut and only time out.
 */
public class RequestTooLargeException extends SmpException {

  public RequestTooLargeException(String message) {
    super(message);
  }
}
