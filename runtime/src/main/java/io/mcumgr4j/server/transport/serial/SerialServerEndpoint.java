package io.mcumgr4j.server.transport.serial;

import io.mcumgr4j.serial.FrameWriter;
import io.mcumgr4j.serial.ReaderLoop;
import io.mcumgr4j.serial.SerialFrameDecoder;
import io.mcumgr4j.serial.SerialFrameEncoder;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.server.ResponseSink;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;

/**
 * Serves an {@link SmpServer} over a console link (a serial port from {@link SerialPorts}, a pipe,
 * a socket). A daemon thread decodes request frames, dropping silently what Zephyr drops (a body
 * larger than the server's {@code buf_size}, since Zephyr decodes length and CRC into the same
 * buffer; bad CRC; bad base64; ...), and submits each packet; responses are framed as Zephyr frames
 * them (93 body bytes in the first line, 90 in each continuation) and written under a lock.
 * Console text from the peer is ignored.
 */
public final class SerialServerEndpoint implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SerialServerEndpoint.class.getName());

  private final SmpServer server;
  private final InputStream in;
  private final OutputStream out;
  private final AutoCloseable link;
  private final TransportInfo info;
  private final FrameWriter writer;
  private final ResponseSink sink;
  private final SerialFrameDecoder decoder;
  private final ReaderLoop reader;
  private boolean started;
  private boolean closed;

  /**
   * An endpoint whose responses may be as large as the server's {@code buf_size}.
   *
   * @param peer printable name of the other end, for {@link TransportInfo} and logs
   */
  public SerialServerEndpoint(SmpServer server, InputStream in, OutputStream out, String peer) {
    this(server, in, out, peer, server.config().bufSize());
  }

  /**
   * An endpoint reporting {@code mtu} as the largest response packet to the server.
   *
   * @param peer printable name of the other end, for {@link TransportInfo} and logs
   */
  public SerialServerEndpoint(
      SmpServer server, InputStream in, OutputStream out, String peer, int mtu) {
    this(server, in, out, null, new TransportInfo("serial", peer, mtu), () -> {});
  }

  /**
   * An endpoint for one link of a server holding many (one TCP connection each), which must learn
   * when a link ends to release it.
   *
   * @param info what handlers see of the link (its transport name, peer and MTU)
   * @param onEnd runs on the reader thread once reading stops: end of stream, a failure or {@link
   *     #close()}
   */
  public SerialServerEndpoint(
      SmpServer server, InputStream in, OutputStream out, TransportInfo info, Runnable onEnd) {
    this(server, in, out, null, info, onEnd);
  }

  private SerialServerEndpoint(
      SmpServer server,
      InputStream in,
      OutputStream out,
      AutoCloseable link,
      TransportInfo info,
      Runnable onEnd) {
    int mtu = info.mtu();
    if (mtu < 1 || mtu > SerialFrameEncoder.MAX_PACKET_LENGTH) {
      throw new IllegalArgumentException(
          "mtu must be 1.." + SerialFrameEncoder.MAX_PACKET_LENGTH + ": " + mtu);
    }
    this.server = Objects.requireNonNull(server, "server");
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.link = link;
    this.info = info;
    String peer = Objects.requireNonNull(info.peer(), "peer");
    this.writer = new FrameWriter(out, SerialFrameEncoder.zephyr());
    this.sink = writer::write;
    int maxBody = Math.min(server.config().bufSize(), SerialFrameDecoder.MAX_BODY);
    this.decoder =
        new SerialFrameDecoder(maxBody, SerialFrameDecoder.DEFAULT_MAX_LINE_LENGTH, this::submit, null);
    String thread = "mcumgr4j-" + info.transport() + "-server " + peer;
    this.reader = new ReaderLoop(thread, peer, in, decoder, onEnd);
  }

  /** An endpoint over an open port, named by its path; {@link #close()} closes the port. */
  public static SerialServerEndpoint over(SmpServer server, SerialPorts.Port port) {
    TransportInfo info = new TransportInfo("serial", port.path(), server.config().bufSize());
    return new SerialServerEndpoint(server, port.input(), port.output(), port, info, () -> {});
  }

  /** Starts serving; returns this. */
  public synchronized SerialServerEndpoint start() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    reader.start();
    return this;
  }

  /** Requests dropped so far (bad CRC, too long, ...), by reason. */
  public Map<SerialFrameDecoder.Drop, Long> dropCounts() {
    return decoder.dropCounts();
  }

  /** Stops serving and closes the streams (and the port, if opened with one). Idempotent. */
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

  private void submit(byte[] packet) {
    try {
      server.submit(packet, 0, packet.length, info, sink);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "server failed on a request from " + info.peer(), e);
    }
  }
}
