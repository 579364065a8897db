package test.extension;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.SeenKeys;
import javax.annotation.processing.Generated;

/**
 * CBOR encoding of the records and enums that {@link BaseMgmt}'s commands carry.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
final class BaseMgmtCodec {
  private BaseMgmtCodec() {
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
   * Decodes the request of {@link BaseMgmt#info}.
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

  static void writeInfoFields(CborWriter out, BaseMgmt.Info value) {
    if (value.version() != null) {
      out.key("version");
      out.text(value.version());
    }
  }

  /**
   * The decoded request of {@link BaseMgmt#info}.
   */
  record InfoRequest(boolean verbose) {
  }
}
