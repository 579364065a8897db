package io.mcumgr4j.groups.enumeration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Real exchanges between the Python smpclient library and Zephyr 4.4.0's {@code smp_svr} sample,
 * read from the runtime module's test resource {@code vectors/zephyr-4.4.0-smp_svr.json} (the
 * working directory of a test is this module's directory). A small JSON reader of its own, as
 * this module's tests have no JSON library.
 */
public final class ZephyrVectors {

  private static final Path FILE = Path.of("../runtime/src/test/resources/vectors/zephyr-4.4.0-smp_svr.json");

  private static Map<String, Object> root;

  private ZephyrVectors() {}

  /**
   * One request and Zephyr's response.
   *
   * @param name the entry's name, e.g. {@code enum/count}
   * @param request the whole request packet: 8-byte header + CBOR payload
   * @param response the whole response packet
   */
  public record Exchange(String name, byte[] request, byte[] response) {}

  /** The exchange called {@code name} of {@code transport} ({@code udp} or {@code serial}). */
  @SuppressWarnings("unchecked")
  public static synchronized Exchange get(String transport, String name) {
    if (root == null) {
      try {
        root = (Map<String, Object>) new Parser(Files.readString(FILE, StandardCharsets.UTF_8)).value();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
      }
    }
    for (Object item : (List<Object>) root.get(transport)) {
      Map<String, Object> entry = (Map<String, Object>) item;
      if (name.equals(entry.get("name"))) {
        return new Exchange(name, HexFormat.of().parseHex((String) entry.get("request_hex")),
            HexFormat.of().parseHex((String) entry.get("response_hex")));
      }
    }
    throw new NoSuchElementException("no vector " + transport + ":" + name);
  }

  /** JSON values as maps, lists, strings, numbers (kept as their text), booleans and null. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Object value() {
      skipSpace();
      char c = s.charAt(pos);
      switch (c) {
        case '{' -> {
          pos++;
          Map<String, Object> map = new LinkedHashMap<>();
          if (!consume('}')) {
            do {
              skipSpace();
              String key = string();
              expect(':');
              map.put(key, value());
            } while (consume(','));
            expect('}');
          }
          return map;
        }
        case '[' -> {
          pos++;
          List<Object> list = new ArrayList<>();
          if (!consume(']')) {
            do {
              list.add(value());
            } while (consume(','));
            expect(']');
          }
          return list;
        }
        case '"' -> {
          return string();
        }
        default -> {
          int start = pos;
          while (pos < s.length() && ",]} \n\r\t".indexOf(s.charAt(pos)) < 0) {
            pos++;
          }
          String literal = s.substring(start, pos);
          return switch (literal) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> literal;
          };
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      for (char c = s.charAt(pos++); c != '"'; c = s.charAt(pos++)) {
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      }
      return out.toString();
    }

    private boolean consume(char c) {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!consume(c)) {
        throw new IllegalStateException("vectors JSON: expected '" + c + "' at offset " + pos);
      }
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }
  }
}
