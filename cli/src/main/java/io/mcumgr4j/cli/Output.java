package io.mcumgr4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A command's result, printed as human text or, with {@code --json}, as one JSON document on
 * standard output. JSON values: maps, lists, strings, numbers, booleans, {@code null}; byte arrays
 * become lowercase hex strings.
 */
final class Output {

  private static final JsonFactory JSON = new JsonFactory();

  private final PrintStream out;
  private final boolean json;

  Output(PrintStream out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Whether results are JSON (progress and chatter then stay off standard output). */
  boolean json() {
    return json;
  }

  /** Prints {@code human} or, with {@code --json}, {@code value}. */
  void result(String human, Object value) {
    if (json) {
      out.println(toJson(value));
    } else {
      out.println(human);
    }
  }

  /** {@code value} as compact JSON. */
  static String toJson(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof byte[] bytes) {
      g.writeString(HexFormat.of().formatHex(bytes));
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeString(value.toString());
    }
  }
}
