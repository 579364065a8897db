package io.mcumgr4j.samples.kitchensink;

import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.error.GroupErrorException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Answers every command with what it got; settings live in a map. */
class KitchenSinkEcho implements KitchenSink {

  private final Map<String, byte[]> settings = new ConcurrentHashMap<>();

  @Override
  public Primitives primitives(boolean z, int i, long j, float f, double d) {
    return new Primitives(z, i, j, f, d);
  }

  @Override
  public Boxed boxed(Boolean z, Integer i, Long j, Float f, Double d) {
    return new Boxed(z, i, j, f, d);
  }

  @Override
  public Boxed maybeBoxed(Boolean z, Integer i, Long j, Float f, Double d) {
    return new Boxed(z, i, j, f, d);
  }

  @Override
  public Unsigned unsigned(int u8, int u16, long u32, long u64) {
    return new Unsigned(u8, u16, u32, u64);
  }

  @Override
  public Blobs blobs(String text, byte[] bytes, RawCbor raw) {
    return new Blobs(text, bytes, raw);
  }

  @Override
  public Shape shape(Shape shape) {
    return shape;
  }

  @Override
  public Lists lists(List<Long> longs, List<String> texts, List<Integer> u16s, Map<String, Double> weights,
      Map<String, List<Point>> groups, List<List<Integer>> matrix, List<RawCbor> raws) {
    return new Lists(longs, texts, u16s, weights, groups, matrix, raws);
  }

  @Override
  public Optionals optionals(int id, Optional<String> text, Optional<Point> point, OptionalInt small,
      OptionalLong big, OptionalDouble ratio) {
    return new Optionals(id, text, point, small, big, ratio);
  }

  @Override
  public Colors colors(Color color, List<Color> palette, Map<String, Color> byName) {
    return new Colors(color, palette, byName);
  }

  @Override
  public Node tree(Node root) {
    return root;
  }

  @Override
  public Echo echo(String text) {
    return new Echo(text);
  }

  @Override
  public Setting readSetting(String name) {
    byte[] value = settings.get(name);
    if (value == null) {
      throw new GroupErrorException(KitchenSinkError.NO_SUCH_SETTING, name);
    }
    return new Setting(value);
  }

  @Override
  public void writeSetting(String name, byte[] value) {
    settings.put(name, value);
  }
}
