package io.mcumgr4j.bluez;

import java.io.IOException;

/**
 * BlueZ could not give a connection to the device's SMP characteristic: BlueZ is not running, there
 * is no adapter, the device was not found or has no SMP service, or connecting failed. The message
 * says which, for a person to act on.
 */
public class BluezException extends IOException {

  public BluezException(String message) {
    super(message);
  }

  public BluezException(String message, Throwable cause) {
    super(message, cause);
  }
}
