package test.extension;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.SeenKeys;
import javax.annotation.processing.Generated;

/**
 * CBOR encoding of the records and enums that {@link ExtendedMgmt}'s commands carry.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
final class ExtendedMgmtCodec {
  private ExtendedMgmtCodec() {
  }

  static BaseMgmt.Info readInfo(CborReader in) {
    String version = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "version" -> {
          seen = SeenKeys.add(seen, 1, "version");
          version = in.text();
        }
        default -> in.skipValue();
      }
    }
    return new BaseMgmt.Info(version);
  }

  /**
   * Decodes the request of {@link ExtendedMgmt#info}.
   */
  static InfoRequest decodeInfo(CborReader in) {
    boolean verbose = false;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "verbose" -> {
          seen = SeenKeys.add(seen, 1, "verbose");
          verbose = in.bool();
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "verbose");
    return new InfoRequest(verbose);
  }

  /**
   * Decodes the request of {@link ExtendedMgmt#extra}.
   */
  static ExtraRequest decodeExtra(CborReader in) {
    int amount = 0;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "amount" -> {
          seen = SeenKeys.add(seen, 1, "amount");
          amount = in.int32();
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "amount");
    return new ExtraRequest(amount);
  }

  static void writeInfoFields(CborWriter out, BaseMgmt.Info value) {
    if (value.version() != null) {
      out.key("version");
      out.text(value.version());
    }
  }

  /**
   * The decoded request of {@link ExtendedMgmt#info}.
   */
  record InfoRequest(boolean verbose) {
  }

  /**
   * The decoded request of {@link ExtendedMgmt#extra}.
   */
  record ExtraRequest(int amount) {
  }
}
