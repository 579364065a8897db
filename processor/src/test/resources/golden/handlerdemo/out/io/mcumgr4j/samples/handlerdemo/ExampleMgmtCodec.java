package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.DecodeErrors;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("return_int");
          }
          seen |= 1;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("return_string");
          }
          seen |= 1;
          returnString = in.text();
        }
        default -> in.skipValue();
      }
    }
    return new ExampleMgmt.OtherResult(returnString);
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
}
