package io.mcumgr4j.client;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import java.util.function.IntFunction;

/**
 * Reads the error of a response map, in either form a server may use: {@code {rc, rsn?}} or
 * {@code err: {group, rc}}. {@code rc} 0 or absent, and no {@code err}, is success; other keys
 * are ignored.
 */
public final class ResponseErrors {

  private ResponseErrors() {}

  /**
   * Throws if the payload reports an error.
   *
   * @throws MgmtException for a non-zero {@code rc}
   * @throws GroupErrorException for an {@code err} map
   * @throws MalformedResponseException if the payload is not a CBOR map
   */
  public static void check(byte[] payload) {
    check(payload, null);
  }

  /**
   * Throws if the payload reports an error; {@code errors} turns a group's codes into its typed
   * enum (return {@code null} for codes it does not know).
   */
  public static void check(byte[] payload, IntFunction<GroupError> errors) {
    int rc = 0;
    String rsn = null;
    int errGroup = -1;
    int errRc = 0;
    try {
      CborReader in = CborReader.of(payload);
      in.beginMap();
      for (String key = in.nextKey(); key != null; key = in.nextKey()) {
        switch (key) {
          case "rc" -> rc = in.int32();
          case "rsn" -> rsn = in.text();
          case "err" -> {
            in.beginMap();
            for (String k = in.nextKey(); k != null; k = in.nextKey()) {
              switch (k) {
                case "group" -> errGroup = in.uint16();
                case "rc" -> errRc = (int) in.uint32();
                default -> in.skipValue();
              }
            }
          }
          default -> in.skipValue();
        }
      }
    } catch (MgmtException e) {
      throw new MalformedResponseException("response does not decode: " + e.reason());
    }
    if (rc != 0) {
      throw new MgmtException(rc, rsn);
    }
    if (errRc != 0) {
      GroupError typed = errors == null ? null : errors.apply(errRc);
      GroupError error = typed != null && typed.group() == errGroup ? typed : GroupError.of(errGroup, errRc);
      throw new GroupErrorException(error).withResponse(payload);
    }
  }
}
