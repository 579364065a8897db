package io.mcumgr4j.groups.zephyr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The UDP exchanges of the runtime's Zephyr 4.4.0 {@code smp_svr} vectors, read from the runtime
 * module's test resources (a relative path from this module's directory, where Maven runs the
 * tests). This module has no JSON library, so a small reader for the file's JSON is included.
 */
public final class ZephyrVectors {

  private static final Path FILE = Path.of("../runtime/src/test/resources/vectors/zephyr-4.4.0-smp_svr.json");

  private static Map<String, Exchange> udp;

  private ZephyrVectors() {}

  /**
   * One request and Zephyr's answer, each a whole packet (8-byte header, CBOR payload).
   *
   * @param name the entry's name, e.g. {@code stat/list}
   * @param request the request packet
   * @param response Zephyr's response packet
   */
  public record Exchange(String name, byte[] request, byte[] response) {

    /** The request's CBOR payload. */
    public byte[] requestPayload() {
      return Arrays.copyOfRange(request, 8, request.length);
    }

    /** The response's CBOR payload. */
    public byte[] responsePayload() {
      return Arrays.copyOfRange(response, 8, response.length);
    }
  }

  /** The UDP exchange called {@code name}. */
  public static synchronized Exchange udp(String name) {
    if (udp == null) {
      udp = load();
    }
    Exchange e = udp.get(name);
    if (e == null) {
      throw new NoSuchElementException("no UDP vector " + name);
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Exchange> load() {
    String text;
    try {
      text = Files.readString(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
    }
    Map<String, Object> root = (Map<String, Object>) new Json(text).document();
    Map<String, Exchange> out = new LinkedHashMap<>();
    for (Object item : (List<Object>) root.get("udp")) {
      Map<String, Object> entry = (Map<String, Object>) item;
      String name = (String) entry.get("name");
      out.put(name, new Exchange(name,
          HexFormat.of().parseHex((String) entry.get("request_hex")),
          HexFormat.of().parseHex((String) entry.get("response_hex"))));
    }
    return out;
  }

  /** Reads JSON into maps, lists, strings, numbers (as their text), booleans and null. */
  private static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object document() {
      Object value = value();
      skipSpace();
      if (i != s.length()) {
        throw error("text after the document");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{' -> {
          i++;
          Map<String, Object> map = new LinkedHashMap<>();
          if (peek('}')) {
            return map;
          }
          do {
            skipSpace();
            String key = string();
            expect(':');
            map.put(key, value());
          } while (peek(','));
          expect('}');
          return map;
        }
        case '[' -> {
          i++;
          List<Object> list = new ArrayList<>();
          if (peek(']')) {
            return list;
          }
          do {
            list.add(value());
          } while (peek(','));
          expect(']');
          return list;
        }
        case '"' -> {
          return string();
        }
        default -> {
          int start = i;
          while (i < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(i)) < 0) {
            i++;
          }
          String word = s.substring(start, i);
          return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> word;
          };
        }
      }
    }

    private String string() {
      if (i >= s.length() || s.charAt(i) != '"') {
        throw error("expected a string");
      }
      i++;
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }

    /** Consumes {@code c} after optional space if it is next. */
    private boolean peek(char c) {
      skipSpace();
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
    }

    private void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private IllegalStateException error(String what) {
      return new IllegalStateException(FILE + ": " + what + " at offset " + i);
    }
  }
}
