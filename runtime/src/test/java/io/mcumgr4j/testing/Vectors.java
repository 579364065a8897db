package io.mcumgr4j.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Real SMP exchanges captured between the Python smpclient library and Zephyr 4.4.0's
 * {@code smp_svr} sample: the test resource {@code vectors/zephyr-4.4.0-smp_svr.json}, a copy of
 * the project's shared vector file, read once with jackson-core's streaming parser.
 *
 * <pre>{@code
 * for (Vectors.Exchange e : Vectors.all()) { ... e.requestBytes() ... e.responsePayload() ... }
 * Vectors.Exchange echo = Vectors.get("udp", "os/echo");
 * List<Vectors.Exchange> serial = Vectors.of("serial");
 * }</pre>
 */
public final class Vectors {

  /** The vectors file on the test class path. */
  public static final String RESOURCE = "/vectors/zephyr-4.4.0-smp_svr.json";

  private static List<Exchange> all;

  private Vectors() {}

  /**
   * One request and Zephyr's response.
   *
   * @param transport {@code "udp"} or {@code "serial"} (the JSON array the entry came from)
   * @param name entry name, e.g. {@code "os/echo"}; unique within a transport
   * @param group SMP group id of the request
   * @param command command id of the request
   * @param op request op (0 read, 2 write)
   * @param requestBytes the whole request packet: 8-byte header + CBOR payload
   * @param responseBytes the whole response packet: 8-byte header + CBOR payload
   * @param serialWireRequest the console-framed request bytes as sent on the serial line
   *     (markers, base64, newlines), or {@code null} for UDP entries
   * @param serialWireResponse the console-framed response bytes, or {@code null} for UDP entries
   */
  public record Exchange(
      String transport,
      String name,
      int group,
      int command,
      int op,
      byte[] requestBytes,
      byte[] responseBytes,
      byte[] serialWireRequest,
      byte[] serialWireResponse) {

    /** The request's CBOR payload (the packet without its 8-byte header). */
    public byte[] requestPayload() {
      return Arrays.copyOfRange(requestBytes, 8, requestBytes.length);
    }

    /** The response's CBOR payload (the packet without its 8-byte header). */
    public byte[] responsePayload() {
      return Arrays.copyOfRange(responseBytes, 8, responseBytes.length);
    }

    /** {@code transport/name}, e.g. {@code udp:os/echo}; used as the parameterized test name. */
    @Override
    public String toString() {
      return transport + ":" + name;
    }
  }

  /** Every exchange, UDP ones first, in file order. */
  public static synchronized List<Exchange> all() {
    if (all == null) {
      all = List.copyOf(load());
    }
    return all;
  }

  /** The exchanges of one transport ({@code "udp"} or {@code "serial"}), in file order. */
  public static List<Exchange> of(String transport) {
    return all().stream().filter(e -> e.transport().equals(transport)).toList();
  }

  /**
   * The exchange called {@code name} of {@code transport}.
   *
   * @throws NoSuchElementException if there is none
   */
  public static Exchange get(String transport, String name) {
    return all().stream()
        .filter(e -> e.transport().equals(transport) && e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no vector " + transport + ":" + name));
  }

  private static List<Exchange> load() {
    InputStream in = Vectors.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("test vectors not found on the class path: " + RESOURCE);
    }
    try (JsonParser p = new JsonFactory().createParser(in)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      List<Exchange> out = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(readExchange(p, field));
          }
        } else {
          p.skipChildren();
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static Exchange readExchange(JsonParser p, String transport) throws IOException {
    String name = null;
    int group = -1;
    int command = -1;
    int op = -1;
    byte[] request = null;
    byte[] response = null;
    byte[] wireRequest = null;
    byte[] wireResponse = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "name" -> name = p.getText();
        case "group" -> group = p.getIntValue();
        case "command" -> command = p.getIntValue();
        case "op" -> op = p.getIntValue();
        case "request_hex" -> request = hex(p);
        case "response_hex" -> response = hex(p);
        case "meta" -> {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String metaField = p.currentName();
            p.nextToken();
            switch (metaField) {
              case "serial_wire_request_hex" -> wireRequest = hex(p);
              case "serial_wire_response_hex" -> wireResponse = hex(p);
              default -> p.skipChildren();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    if (name == null || group < 0 || command < 0 || op < 0 || request == null || response == null) {
      throw new IllegalStateException("incomplete vector entry " + transport + ":" + name);
    }
    return new Exchange(
        transport, name, group, command, op, request, response, wireRequest, wireResponse);
  }

  private static byte[] hex(JsonParser p) throws IOException {
    expect(p, p.currentToken(), JsonToken.VALUE_STRING);
    return HexFormat.of().parseHex(p.getText());
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken wanted) {
    if (got != wanted) {
      throw new IllegalStateException(
          "vectors JSON: expected " + wanted + ", got " + got + " at " + p.currentLocation());
    }
  }
}
