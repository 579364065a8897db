package io.mcumgr4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Plain Java values (maps, lists, strings, numbers, booleans, {@code null}, byte arrays as hex) as
 * JSON text, with jackson-core's streaming generator: what {@code --json} prints. The CLI has no
 * data-binding dependency; key order and exact integers are kept.
 */
final class JsonValues {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonValues() {}

  /**
   * {@code value} as JSON text, compact or indented by two spaces: maps, lists, strings, numbers,
   * booleans, {@code null}, and byte arrays as lowercase hex strings.
   */
  static String write(Object value, boolean pretty) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = generator(text, pretty)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A generator of compact JSON, or of JSON indented by two spaces. */
  static JsonGenerator generator(Writer text, boolean pretty) throws IOException {
    JsonGenerator g = JSON.createGenerator(text);
    if (pretty) {
      // "key": value, as people write JSON, rather than Jackson's default "key" : value
      g.setPrettyPrinter(new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    }
    return g;
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
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (value instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (value instanceof byte[] bytes) {
      g.writeString(HexFormat.of().formatHex(bytes));
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(value.toString());
    }
  }
}
