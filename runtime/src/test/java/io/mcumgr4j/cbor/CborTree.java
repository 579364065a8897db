package io.mcumgr4j.cbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A generic CBOR value tree for tests: read with {@link CborReader} (dispatching on the major
 * type of each value's {@link CborReader#rawValue() raw bytes}, since the reader has no type
 * peek) and written back with {@link CborWriter}. Keeps map entry order and duplicate keys.
 */
final class CborTree {

  private CborTree() {}

  sealed interface Node permits UInt, NInt, Text, Bin, Bool, Null, Arr, MapNode {}

  /** Major type 0; {@code bits} is the unsigned 64-bit value. */
  record UInt(long bits) implements Node {}

  /** Major type 1; {@code value} is negative. */
  record NInt(long value) implements Node {}

  record Text(String value) implements Node {}

  record Bin(byte[] value) implements Node {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bin b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "h'" + HexFormat.of().formatHex(value) + "'";
    }
  }

  record Bool(boolean value) implements Node {}

  record Null() implements Node {}

  record Arr(List<Node> items) implements Node {}

  record Entry(String key, Node value) {}

  record MapNode(List<Entry> entries) implements Node {}

  /** Reads one whole CBOR value. */
  static Node read(byte[] encoded) {
    CborReader r = CborReader.of(encoded);
    int initial = encoded[0] & 0xFF;
    return switch (initial >>> 5) {
      case 0 -> new UInt(r.uint64());
      case 1 -> new NInt(r.int64());
      case 2 -> new Bin(r.bytes());
      case 3 -> new Text(r.text());
      case 4 -> readArray(r);
      case 5 -> readMap(r);
      case 7 -> switch (initial) {
        case 0xF4, 0xF5 -> new Bool(r.bool());
        case 0xF6 -> r.nextIsNull() ? new Null() : fail(initial);
        default -> fail(initial);
      };
      default -> fail(initial);
    };
  }

  private static Node readArray(CborReader r) {
    r.beginArray();
    List<Node> items = new ArrayList<>();
    while (r.hasNextItem()) {
      items.add(read(r.rawValue()));
    }
    return new Arr(items);
  }

  private static Node readMap(CborReader r) {
    r.beginMap();
    List<Entry> entries = new ArrayList<>();
    for (String key = r.nextKey(); key != null; key = r.nextKey()) {
      entries.add(new Entry(key, read(r.rawValue())));
    }
    return new MapNode(entries);
  }

  private static Node fail(int initial) {
    throw new IllegalArgumentException("no tree node for initial byte 0x" + Integer.toHexString(initial));
  }

  /** Writes {@code node}; maps and arrays indefinite-length or definite-length. */
  static void write(CborWriter w, Node node, boolean indefinite) {
    if (node instanceof UInt u) {
      w.uint(u.bits());
    } else if (node instanceof NInt n) {
      w.integer(n.value());
    } else if (node instanceof Text t) {
      w.text(t.value());
    } else if (node instanceof Bin b) {
      w.bytes(b.value());
    } else if (node instanceof Bool b) {
      w.bool(b.value());
    } else if (node instanceof Null) {
      w.nul();
    } else if (node instanceof Arr a) {
      if (indefinite) {
        w.startArray();
      } else {
        w.startArray(a.items().size());
      }
      a.items().forEach(item -> write(w, item, indefinite));
      if (indefinite) {
        w.end();
      }
    } else {
      MapNode m = (MapNode) node;
      if (indefinite) {
        w.startMap();
      } else {
        w.startMap(m.entries().size());
      }
      for (Entry e : m.entries()) {
        w.key(e.key());
        write(w, e.value(), indefinite);
      }
      if (indefinite) {
        w.end();
      }
    }
  }

  /** {@code node} encoded by a fresh {@link CborWriter}. */
  static byte[] encode(Node node, boolean indefinite) {
    CborWriter w = new CborWriter();
    write(w, node, indefinite);
    return w.toByteArray();
  }
}
