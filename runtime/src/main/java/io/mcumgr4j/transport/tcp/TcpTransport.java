package io.mcumgr4j.transport.tcp;

import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.serial.SerialTransport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The client side of SMP over a TCP connection that carries the serial console framing, as an
 * emulator exposes a board's UART on a socket: the firmware's SMP serial transport sits at the
 * other end, so the bytes are those of a serial line. Everything past the connect is {@link
 * SerialTransport}'s over the socket's streams; closing it closes the socket.
 */
public final class TcpTransport implements SmpTransport {

  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final SerialTransport serial;
  private final String address;

  /** Connects to {@code address} with the default timeout and MTU, ignoring console text. */
  public TcpTransport(InetSocketAddress address) throws IOException {
    this(address, DEFAULT_CONNECT_TIMEOUT, SerialTransport.DEFAULT_MTU, null);
  }

  /**
   * Connects to {@code address}, with {@code TCP_NODELAY} on since every request is written and
   * flushed whole and waits for its answer.
   *
   * @param connectTimeout how long to wait for the connection; must be positive
   * @param mtu largest packet {@link #send} accepts, as {@link SerialTransport}'s
   * @param consoleLines receives console text lines (the board's shell and logs) on the reader
   *     thread, or {@code null}
   * @throws IOException naming {@code address} if it is refused, unreachable, unknown or does not
   *     answer in time
   */
  public TcpTransport(
      InetSocketAddress address, Duration connectTimeout, int mtu, Consumer<String> consoleLines)
      throws IOException {
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
    }
    Socket socket = connect(address, Math.toIntExact(Math.max(1, connectTimeout.toMillis())));
    String host = address.getHostString();
    this.address = "tcp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    try {
      this.serial =
          new SerialTransport(socket.getInputStream(), socket.getOutputStream(), mtu, consoleLines);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, timeoutMillis);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw named(e, address.getHostString() + ":" + address.getPort(), timeoutMillis);
    }
  }

  /** The connect failure with a message naming the address, of the same type where it matters. */
  private static IOException named(IOException e, String where, int timeoutMillis) {
    IOException named;
    if (e instanceof SocketTimeoutException) {
      named = new SocketTimeoutException("no answer from " + where + " within " + timeoutMillis + " ms");
    } else if (e instanceof ConnectException) {
      named = new ConnectException("cannot connect to " + where + ": " + e.getMessage());
    } else {
      named = new IOException("cannot connect to " + where + ": " + e.getMessage());
    }
    named.initCause(e);
    return named;
  }

  @Override
  public void start(Consumer<byte[]> receiver) throws IOException {
    serial.start(receiver);
  }

  @Override
  public void send(byte[] packet) throws IOException {
    serial.send(packet);
  }

  @Override
  public int mtu() {
    return serial.mtu();
  }

  @Override
  public String name() {
    return "tcp";
  }

  /** {@code tcp:HOST:PORT} with the host as given, an IPv6 host in brackets. */
  @Override
  public String address() {
    return address;
  }

  /** The serial framing's, as the firmware's serial transport reads the stream. */
  @Override
  public int bufferReserve() {
    return serial.bufferReserve();
  }

  /** Stops receiving and closes the connection. Idempotent. */
  @Override
  public void close() {
    serial.close();
  }
}
