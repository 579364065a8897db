package io.mcumgr4j.client;

import io.mcumgr4j.error.SmpException;

/** A response did not decode: bad CBOR, a value of the wrong type, or a required key missing. */
public class MalformedResponseException extends SmpException {

  public MalformedResponseException(String message) {
    super(message);
  }

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
