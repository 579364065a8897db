package io.mcumgr4j.transport.serial;

import io.mcumgr4j.serial.FrameWriter;
import io.mcumgr4j.serial.ReaderLoop;
import io.mcumgr4j.serial.SerialFrameDecoder;
import io.mcumgr4j.serial.SerialFrameEncoder;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The client side of an SMP console link over any input/output stream pair (a serial port from
 * {@link SerialPorts}, a socket, a pipe). Requests go out as console frames filled to 93 bytes
 * per line, like smpclient's; a daemon thread decodes incoming frames. Console text between frames
 * (shell output, logs) can be passed to a consumer.
 *
 * <p>{@link #mtu()} bounds the packets {@link #send} accepts. It defaults to {@value #DEFAULT_MTU}:
 * the console framing carries up to {@value SerialFrameEncoder#MAX_PACKET_LENGTH} bytes, but a
 * request must also fit the device's {@code buf_size} minus 4 (length and CRC share the buffer),
 * and 2048 is the largest {@code buf_size} Zephyr configures by default; clients should still size
 * requests from the device's reported parameters. Incoming packets are accepted up to the framing
 * maximum, since the server decides how large its responses are.
 */
public final class SerialTransport implements SmpTransport {

  /** Default {@link #mtu()}. */
  public static final int DEFAULT_MTU = 2048;

  private static final System.Logger LOG = System.getLogger(SerialTransport.class.getName());

  private final InputStream in;
  private final OutputStream out;
  private final AutoCloseable link;
  /** The port's rate, 0 over streams of unknown speed. */
  private final int baudRate;
  private final int mtu;
  private final FrameWriter writer;
  private final SerialFrameDecoder decoder;
  private final ReaderLoop reader;
  private volatile Consumer<byte[]> receiver;
  private volatile boolean closed;

  /** A transport over {@code in}/{@code out} with the default MTU, ignoring console text. */
  public SerialTransport(InputStream in, OutputStream out) {
    this(in, out, DEFAULT_MTU, null);
  }

  /**
   * A transport over {@code in}/{@code out}; {@link #close()} closes both.
   *
   * @param mtu largest packet {@link #send} accepts, 1..{@value SerialFrameEncoder#MAX_PACKET_LENGTH}
   * @param consoleLines receives console text lines on the reader thread, or {@code null}
   */
  public SerialTransport(InputStream in, OutputStream out, int mtu, Consumer<String> consoleLines) {
    this(in, out, null, "serial", 0, mtu, consoleLines);
  }

  private SerialTransport(
      InputStream in,
      OutputStream out,
      AutoCloseable link,
      String peer,
      int baudRate,
      int mtu,
      Consumer<String> consoleLines) {
    if (mtu < 1 || mtu > SerialFrameEncoder.MAX_PACKET_LENGTH) {
      throw new IllegalArgumentException(
          "mtu must be 1.." + SerialFrameEncoder.MAX_PACKET_LENGTH + ": " + mtu);
    }
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.link = link;
    this.baudRate = baudRate;
    this.mtu = mtu;
    this.writer = new FrameWriter(out, SerialFrameEncoder.client());
    this.decoder =
        new SerialFrameDecoder(
            SerialFrameDecoder.MAX_BODY,
            SerialFrameDecoder.DEFAULT_MAX_LINE_LENGTH,
            this::deliver,
            consoleLines == null ? null : line -> showConsole(consoleLines, line));
    this.reader = new ReaderLoop("mcumgr4j-serial-client " + peer, peer, in, decoder);
  }

  /** A transport over an open port; {@link #close()} closes the port. */
  public static SerialTransport over(SerialPorts.Port port, int mtu, Consumer<String> consoleLines) {
    return new SerialTransport(port.input(), port.output(), port, port.path(), port.baudRate(), mtu, consoleLines);
  }

  /** Opens {@code path} at {@code baudRate} (8N1) with the default MTU, ignoring console text. */
  public static SerialTransport open(String path, int baudRate) throws IOException {
    return over(SerialPorts.open(path, baudRate), DEFAULT_MTU, null);
  }

  /** The packet's lines (base64, length, CRC) at the port's baud rate, ten bits a byte (8N1); 0 over streams. */
  @Override
  public long transmitNanos(int packetBytes) {
    if (baudRate == 0) {
      return 0;
    }
    return SerialFrameEncoder.client().encodedLength(packetBytes) * 10L * 1_000_000_000L / baudRate;
  }

  /** The frame's decoded length and CRC16, 2 bytes each, which share the device's buffer. */
  @Override
  public int bufferReserve() {
    return 4;
  }

  @Override
  public void start(Consumer<byte[]> receiver) throws IOException {
    Objects.requireNonNull(receiver, "receiver");
    synchronized (this) {
      if (closed) {
        throw new IOException("serial transport closed");
      }
      if (this.receiver != null) {
        throw new IllegalStateException("already started");
      }
      this.receiver = receiver;
    }
    reader.start();
  }

  /**
   * Sends one packet as console frames, written and flushed as a whole.
   *
   * @throws IllegalArgumentException if the packet is empty or longer than {@link #mtu()}
   * @throws IOException if the transport is closed or the write fails
   */
  @Override
  public void send(byte[] packet) throws IOException {
    if (packet.length == 0 || packet.length > mtu) {
      throw new IllegalArgumentException("packet length must be 1.." + mtu + ": " + packet.length);
    }
    if (closed) {
      throw new IOException("serial transport closed");
    }
    writer.write(packet, 0, packet.length);
  }

  @Override
  public int mtu() {
    return mtu;
  }

  @Override
  public String name() {
    return "serial";
  }

  /** Packets dropped so far (bad CRC, bad base64, ...), by reason. */
  public Map<SerialFrameDecoder.Drop, Long> dropCounts() {
    return decoder.dropCounts();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    reader.shutdown(in, out, link);
  }

  private void deliver(byte[] packet) {
    Consumer<byte[]> r = receiver;
    if (r == null || closed) {
      return;
    }
    try {
      r.accept(packet);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "packet receiver failed", e);
    }
  }

  private static void showConsole(Consumer<String> consoleLines, String line) {
    try {
      consoleLines.accept(line);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "console line consumer failed", e);
    }
  }
}
