package io.mcumgr4j.client;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.MgmtException;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Decoding of response payloads, for generated clients. */
public final class Responses {

  private Responses() {}

  /**
   * Throws the response's error if it carries one ({@link ResponseErrors#check}); else decodes
   * it with {@code decoder}, which reads the whole payload map and ignores keys it does not know.
   *
   * @param errors the group's codes to typed errors ({@code null} for codes it does not know)
   * @throws MalformedResponseException if the payload does not decode, or the decoder fails in
   *     any other way (a record constructor rejecting a value, a missing key read as null)
   */
  public static <T> T decode(byte[] payload, IntFunction<GroupError> errors, Function<CborReader, T> decoder) {
    ResponseErrors.check(payload, errors);
    try {
      CborReader in = CborReader.of(payload);
      return decoder.apply(in);
    } catch (MgmtException e) {
      throw new MalformedResponseException("response does not decode: " + e.reason(), e);
    } catch (RuntimeException e) {
      throw new MalformedResponseException("response does not decode: " + e, e);
    }
  }
}
