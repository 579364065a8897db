package io.mcumgr4j.simulator.os;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CBOR decoder that keeps what the structural comparisons with Zephyr's responses look at: each
 * item's major type and whether it had an indefinite length, map keys in wire order. Written apart
 * from the runtime's reader so the comparison does not trust the code it checks.
 */
final class CborShape {

  /** Major types. */
  static final int UINT = 0;
  static final int NEGINT = 1;
  static final int TEXT = 3;
  static final int MAP = 5;

  /**
   * One decoded item.
   *
   * @param major CBOR major type (0..7)
   * @param indefinite whether a map, array or string had an indefinite length
   * @param value {@code Long} (uint, negint as its value), {@code String}, {@code byte[]}, {@code
   *     List<Item>}, {@code Map<String, Item>} (text keys in wire order), {@code Boolean}, or
   *     {@code null}
   */
  record Item(int major, boolean indefinite, Object value) {

    @SuppressWarnings("unchecked")
    Map<String, Item> map() {
      if (major != MAP) {
        throw new AssertionError("not a map: " + this);
      }
      return (Map<String, Item>) value;
    }

    /** The map entry {@code key}. */
    Item get(String key) {
      Item item = map().get(key);
      if (item == null) {
        throw new AssertionError("no key " + key + " in " + map().keySet());
      }
      return item;
    }
  }

  private final byte[] b;
  private int pos;

  private CborShape(byte[] b) {
    this.b = b;
  }

  /** Decodes exactly one item filling {@code bytes}. */
  static Item decode(byte[] bytes) {
    CborShape d = new CborShape(bytes);
    Item item = d.item();
    if (d.pos != bytes.length) {
      throw new AssertionError((bytes.length - d.pos) + " bytes after the item");
    }
    return item;
  }

  /**
   * The shape of a map whose values are records (Zephyr's task map): the keys every record has, in
   * their common order, each with the major types its values had. Fails if two records' keys
   * differ in set or order.
   */
  static Map<String, Set<Integer>> recordShape(Item recordsByName) {
    Map<String, Set<Integer>> shape = null;
    for (Map.Entry<String, Item> entry : recordsByName.map().entrySet()) {
      Map<String, Item> record = entry.getValue().map();
      if (shape == null) {
        shape = new LinkedHashMap<>();
        for (String key : record.keySet()) {
          shape.put(key, new LinkedHashSet<>());
        }
      }
      if (!List.copyOf(record.keySet()).equals(List.copyOf(shape.keySet()))) {
        throw new AssertionError("record " + entry.getKey() + " has keys " + record.keySet()
            + ", others " + shape.keySet());
      }
      for (Map.Entry<String, Item> field : record.entrySet()) {
        shape.get(field.getKey()).add(field.getValue().major());
      }
    }
    if (shape == null) {
      throw new AssertionError("no records");
    }
    return shape;
  }

  private Item item() {
    int initial = b[pos++] & 0xFF;
    int major = initial >>> 5;
    int info = initial & 0x1F;
    if (info == 31) {
      return indefinite(major);
    }
    long arg = argument(info);
    return switch (major) {
      case UINT -> new Item(major, false, arg);
      case NEGINT -> new Item(major, false, -1 - arg);
      case 2 -> new Item(major, false, take((int) arg));
      case TEXT -> new Item(major, false, new String(take((int) arg), StandardCharsets.UTF_8));
      case 4 -> {
        List<Item> items = new ArrayList<>();
        for (long i = 0; i < arg; i++) {
          items.add(item());
        }
        yield new Item(major, false, items);
      }
      case MAP -> {
        Map<String, Item> entries = new LinkedHashMap<>();
        for (long i = 0; i < arg; i++) {
          put(entries);
        }
        yield new Item(major, false, entries);
      }
      case 6 -> item();
      default -> new Item(major, false, info == 20 ? Boolean.FALSE : info == 21 ? Boolean.TRUE : null);
    };
  }

  private Item indefinite(int major) {
    switch (major) {
      case 4 -> {
        List<Item> items = new ArrayList<>();
        while (!atBreak()) {
          items.add(item());
        }
        return new Item(major, true, items);
      }
      case MAP -> {
        Map<String, Item> entries = new LinkedHashMap<>();
        while (!atBreak()) {
          put(entries);
        }
        return new Item(major, true, entries);
      }
      default -> throw new AssertionError("indefinite major type " + major + " not expected");
    }
  }

  private void put(Map<String, Item> entries) {
    Item key = item();
    if (key.major() != TEXT) {
      throw new AssertionError("map key of major type " + key.major());
    }
    if (entries.put((String) key.value(), item()) != null) {
      throw new AssertionError("key " + key.value() + " twice");
    }
  }

  private boolean atBreak() {
    if ((b[pos] & 0xFF) == 0xFF) {
      pos++;
      return true;
    }
    return false;
  }

  private long argument(int info) {
    if (info < 24) {
      return info;
    }
    int n = 1 << (info - 24);
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = v << 8 | (b[pos++] & 0xFF);
    }
    return v;
  }

  private byte[] take(int n) {
    byte[] out = Arrays.copyOfRange(b, pos, pos + n);
    pos += n;
    return out;
  }
}
