package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.SeenKeys;
import java.util.OptionalLong;
import javax.annotation.processing.Generated;

/**
 * CBOR encoding of the records and enums that {@link ExampleMgmt}'s commands carry.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
final class ExampleMgmtCodec {
  private ExampleMgmtCodec() {
  }

  static ExampleMgmt.TestResult readTestResult(CborReader in) {
    int returnInt = 0;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "return_int" -> {
          seen = SeenKeys.add(seen, 1, "return_int");
          returnInt = in.int32();
        }
        default -> in.skipValue();
      }
    }
    return new ExampleMgmt.TestResult(returnInt);
  }

  static ExampleMgmt.OtherResult readOtherResult(CborReader in) {
    String returnString = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "return_string" -> {
          seen = SeenKeys.add(seen, 1, "return_string");
          returnString = in.text();
        }
        default -> in.skipValue();
      }
    }
    return new ExampleMgmt.OtherResult(returnString);
  }

  /**
   * Decodes the request of {@link ExampleMgmt#test}.
   */
  static TestRequest decodeTest(CborReader in) {
    long value = 0L;
    String text = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "uint_key" -> {
          seen = SeenKeys.add(seen, 1, "uint_key");
          value = in.uint32();
        }
        case "string_key" -> {
          seen = SeenKeys.add(seen, 1 << 1, "string_key");
          text = in.text();
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "uint_key");
    SeenKeys.require(seen, 1 << 1, "string_key");
    return new TestRequest(value, text);
  }

  /**
   * Decodes the request of {@link ExampleMgmt#other}.
   */
  static OtherRequest decodeOther(CborReader in) {
    OptionalLong userValue = OptionalLong.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "user_value" -> {
          seen = SeenKeys.add(seen, 1, "user_value");
          userValue = OptionalLong.of(in.uint32());
        }
        default -> in.skipValue();
      }
    }
    return new OtherRequest(userValue);
  }

  static void writeTestResultFields(CborWriter out, ExampleMgmt.TestResult value) {
    out.key("return_int");
    out.integer(value.returnInt());
  }

  static void writeOtherResultFields(CborWriter out, ExampleMgmt.OtherResult value) {
    if (value.returnString() != null) {
      out.key("return_string");
      out.text(value.returnString());
    }
  }

  /**
   * The decoded request of {@link ExampleMgmt#test}.
   */
  record TestRequest(long value, String text) {
  }

  /**
   * The decoded request of {@link ExampleMgmt#other}.
   */
  record OtherRequest(OptionalLong userValue) {
  }
}
