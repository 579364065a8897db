package io.mcumgr4j.transfer;

import io.mcumgr4j.error.SmpException;

/**
 * A transfer the device did not complete as the protocol says: a reply offset past the end, an
 * image whose {@code match} is false, a device that stops making progress, a hash that differs.
 */
public class TransferException extends SmpException {

  public TransferException(String message) {
    super(message);
  }
}
