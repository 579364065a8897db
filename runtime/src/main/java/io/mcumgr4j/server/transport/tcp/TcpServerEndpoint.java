package io.mcumgr4j.server.transport.tcp;

import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import io.mcumgr4j.server.transport.serial.SerialServerEndpoint;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves an {@link SmpServer} on a TCP port as an emulator serves a board's UART: every accepted
 * connection is a serial console link of its own, served by a {@link SerialServerEndpoint} over
 * the socket's streams, so a client that speaks to a real serial port or an emulated one speaks to
 * this too. Each connection is its own peer (handlers see transport {@code tcp} and the remote
 * address); one ending or breaking ends only itself.
 *
 * <p>A daemon thread accepts connections. At most {@code maxConnections} are served at once, since
 * each costs a reader thread; one more is closed as soon as it is accepted. A peer that stops
 * reading blocks the writes of its responses, and with them the server's worker its requests land
 * on, as a stalled serial line would.
 */
public final class TcpServerEndpoint implements AutoCloseable {

  /** Default bound on simultaneous connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  private static final System.Logger LOG = System.getLogger(TcpServerEndpoint.class.getName());

  private final SmpServer server;
  private final ServerSocket listener;
  private final int maxConnections;
  private final Map<Socket, SerialServerEndpoint> connections = new HashMap<>();
  private final Thread acceptor;
  private boolean closed;

  /** Binds {@code address} (port 0 for an ephemeral port) and starts accepting. */
  public TcpServerEndpoint(SmpServer server, InetSocketAddress address) throws IOException {
    this(server, address, DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * Binds {@code address} (port 0 for an ephemeral port) and starts accepting, serving at most
   * {@code maxConnections} connections at once.
   */
  public TcpServerEndpoint(SmpServer server, InetSocketAddress address, int maxConnections)
      throws IOException {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
    }
    this.server = server;
    this.maxConnections = maxConnections;
    this.listener = new ServerSocket();
    try {
      listener.bind(address);
    } catch (IOException e) {
      listener.close();
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    this.acceptor = new Thread(this::accept, "mcumgr4j-tcp-server " + localAddress());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The bound address (with the actual port when bound to port 0). */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /** Connections being served now. */
  public synchronized int connectionCount() {
    return connections.size();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        serve(listener.accept());
      } catch (IOException e) {
        if (!listener.isClosed()) {
          LOG.log(Level.WARNING, "accepting a TCP connection failed: " + e);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "serving a TCP connection failed", e);
      }
    }
  }

  private void serve(Socket socket) throws IOException {
    String peer = socket.getRemoteSocketAddress().toString();
    synchronized (this) {
      if (closed || connections.size() >= maxConnections) {
        LOG.log(Level.WARNING, "closing the connection from " + peer + ": "
            + (closed ? "endpoint closed" : maxConnections + " connections open"));
        socket.close();
        return;
      }
      try {
        socket.setTcpNoDelay(true);
        TransportInfo info = new TransportInfo("tcp", peer, server.config().bufSize());
        SerialServerEndpoint connection = new SerialServerEndpoint(
            server, socket.getInputStream(), socket.getOutputStream(), info, () -> ended(socket));
        connections.put(socket, connection);
        connection.start();
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    }
    LOG.log(Level.DEBUG, "serving {0}", peer);
  }

  /** On the connection's reader thread: closes its socket and frees its place. */
  private void ended(Socket socket) {
    SerialServerEndpoint connection;
    synchronized (this) {
      connection = connections.remove(socket);
    }
    connection.close();
  }

  /** Stops accepting and closes every connection (the server itself stays open). Idempotent. */
  @Override
  public void close() {
    List<SerialServerEndpoint> open;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      open = new ArrayList<>(connections.values());
    }
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing the listening socket failed", e);
    }
    open.forEach(SerialServerEndpoint::close);
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
