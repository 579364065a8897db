package io.mcumgr4j.groups.fs;

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
 * The UDP exchanges of the runtime's test vectors (real traffic between the Python smpclient and
 * Zephyr 4.4.0's {@code smp_svr} sample), read from the runtime module's test resources as {@code
 * io.mcumgr4j.testing.Vectors} reads them there. This module has no JSON library, so a small reader
 * for the file's plain JSON does.
 */
final class ZephyrVectors {

  /** The vectors file, relative to this module's directory (Maven's working directory for tests). */
  static final Path FILE = Path.of("../runtime/src/test/resources/vectors/zephyr-4.4.0-smp_svr.json");

  private static Map<String, Exchange> udp;

  private ZephyrVectors() {}

  /** One request and Zephyr's response, each a whole SMP packet (8-byte header + CBOR). */
  record Exchange(String name, byte[] request, byte[] response) {

    byte[] requestPayload() {
      return Arrays.copyOfRange(request, 8, request.length);
    }

    byte[] responsePayload() {
      return Arrays.copyOfRange(response, 8, response.length);
    }
  }

  /** The UDP exchange called {@code name}, e.g. {@code os/echo}. */
  static synchronized Exchange udp(String name) {
    if (udp == null) {
      udp = load();
    }
    Exchange e = udp.get(name);
    if (e == null) {
      throw new NoSuchElementException("no vector udp:" + name);
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Exchange> load() {
    String json;
    try {
      json = Files.readString(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
    }
    Map<String, Object> root = (Map<String, Object>) new Json(json).value();
    Map<String, Exchange> out = new LinkedHashMap<>();
    for (Object o : (List<Object>) root.get("udp")) {
      Map<String, Object> entry = (Map<String, Object>) o;
      String name = (String) entry.get("name");
      out.put(name, new Exchange(name, HexFormat.of().parseHex((String) entry.get("request_hex")),
          HexFormat.of().parseHex((String) entry.get("response_hex"))));
    }
    return out;
  }

  /** A JSON reader: objects (as ordered maps), arrays, strings, numbers (as text), literals. */
  private static final class Json {
    private final String s;
    private int pos;

    Json(String s) {
      this.s = s;
    }

    Object value() {
      skipSpace();
      char c = s.charAt(pos);
      switch (c) {
        case '{' -> {
          pos++;
          Map<String, Object> map = new LinkedHashMap<>();
          if (peek() == '}') {
            pos++;
            return map;
          }
          do {
            skipSpace();
            String key = string();
            expect(':');
            map.put(key, value());
          } while (next() == ',');
          pos--;
          expect('}');
          return map;
        }
        case '[' -> {
          pos++;
          List<Object> list = new ArrayList<>();
          if (peek() == ']') {
            pos++;
            return list;
          }
          do {
            list.add(value());
          } while (next() == ',');
          pos--;
          expect(']');
          return list;
        }
        case '"' -> {
          return string();
        }
        default -> {
          int start = pos;
          while (pos < s.length() && ",}] \t\r\n".indexOf(s.charAt(pos)) < 0) {
            pos++;
          }
          return s.substring(start, pos);
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      for (char c = s.charAt(pos++); c != '"'; c = s.charAt(pos++)) {
        if (c == '\\') {
          char e = s.charAt(pos++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'u' -> {
              b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }

    private char peek() {
      skipSpace();
      return s.charAt(pos);
    }

    private char next() {
      skipSpace();
      return s.charAt(pos++);
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalStateException("vectors JSON: expected " + c + " at " + (pos - 1));
      }
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }
  }
}
