package io.mcumgr4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tests read the CLI's JSON output into: objects as {@link LinkedHashMap}s (key order
 * kept), arrays as {@link ArrayList}s, integers as {@link Long} (or {@link java.math.BigInteger}
 * beyond its range), other numbers as {@link Double}, then strings, booleans and {@code null}.
 */
final class Json {

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  /**
   * Parses one JSON document.
   *
   * @throws IllegalArgumentException if {@code text} is not exactly one JSON value
   */
  static Object parse(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == null) {
        throw new IllegalArgumentException("empty JSON");
      }
      Object value = read(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("unexpected " + p.getText() + " after the JSON value");
      }
      return value;
    } catch (IOException e) {
      // the parser's message ends with a source excerpt spanning lines; the first line says it
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IllegalArgumentException("unexpected JSON token " + t);
    }
  }

}
