package io.mcumgr4j.client;

import io.mcumgr4j.error.SmpException;

/** The link failed: a send raised an I/O error, or the client was closed. */
public class SmpTransportException extends SmpException {

  public SmpTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
