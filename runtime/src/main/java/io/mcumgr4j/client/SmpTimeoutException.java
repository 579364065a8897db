package io.mcumgr4j.client;

import io.mcumgr4j.error.SmpException;

/** No response came within the timeout, after every retry. */
public class SmpTimeoutException extends SmpException {

  public SmpTimeoutException(String message) {
    super(message);
  }
}
