package io.mcumgr4j.cbor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Lists and text-keyed maps of any item type, for generated code: the item codec is a method
 * reference, so nested shapes compose without per-type helper classes.
 */
public final class CborValues {

  private CborValues() {}

  /** Reads an array, each item with {@code item}. */
  public static <T> List<T> readList(CborReader in, Function<CborReader, T> item) {
    in.beginArray();
    List<T> out = new ArrayList<>();
    while (in.hasNextItem()) {
      out.add(item.apply(in));
    }
    return out;
  }

  /**
   * Reads a map with text keys, each value with {@code value}; keeps the wire order. A key twice
   * fails as it does in a request map.
   */
  public static <T> Map<String, T> readMap(CborReader in, Function<CborReader, T> value) {
    in.beginMap();
    Map<String, T> out = new LinkedHashMap<>();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (out.containsKey(key)) {
        throw DecodeErrors.duplicate(key);
      }
      out.put(key, value.apply(in));
    }
    return out;
  }

  /**
   * Reads a whole response map whose entries are the result (e.g. memory pool statistics keyed
   * by pool name), leaving out the {@code rc}, {@code rsn} and {@code err} keys a server may add.
   */
  public static <T> Map<String, T> readResponseMap(CborReader in, Function<CborReader, T> value) {
    in.beginMap();
    Map<String, T> out = new LinkedHashMap<>();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("rc") || key.equals("rsn") || key.equals("err")) {
        in.skipValue();
      } else if (out.containsKey(key)) {
        throw DecodeErrors.duplicate(key);
      } else {
        out.put(key, value.apply(in));
      }
    }
    return out;
  }

  /** Writes a map's entries into a map already open (a response map the server opened). */
  public static <T> void writeEntries(CborWriter out, Map<String, T> map, BiConsumer<CborWriter, T> value) {
    for (Map.Entry<String, T> e : map.entrySet()) {
      out.key(e.getKey());
      value.accept(out, e.getValue());
    }
  }

  /** Writes an array in the writer's container style. */
  public static <T> void writeList(CborWriter out, List<T> list, BiConsumer<CborWriter, T> item) {
    out.beginArray(list.size());
    for (T t : list) {
      item.accept(out, t);
    }
    out.endArray();
  }

  /** Writes a map with text keys in the writer's container style, in the map's iteration order. */
  public static <T> void writeMap(CborWriter out, Map<String, T> map, BiConsumer<CborWriter, T> value) {
    out.beginMap(map.size());
    writeEntries(out, map, value);
    out.endMap();
  }
}
