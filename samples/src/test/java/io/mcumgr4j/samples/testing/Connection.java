package io.mcumgr4j.samples.testing;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A client connected to a server over a {@link Link}, which records every request packet the
 * client sends, so tests can check what went on the wire.
 */
public final class Connection implements AutoCloseable {

  private final List<byte[]> sent = new CopyOnWriteArrayList<>();
  private final UdpServerEndpoint endpoint;
  private final SmpClient client;

  Connection(SmpTransport transport, ClientConfig config, UdpServerEndpoint endpoint) throws IOException {
    this.endpoint = endpoint;
    this.client = new SmpClient(new Recording(transport), config);
  }

  public SmpClient client() {
    return client;
  }

  /** How many request packets the client has sent. */
  public int requestsSent() {
    return sent.size();
  }

  /** The last request packet the client sent. */
  public SmpFrame lastRequest() {
    return SmpFrame.decode(sent.get(sent.size() - 1));
  }

  /** Closes the client, its transport and the server endpoint (the server stays open). */
  @Override
  public void close() {
    client.close();
    if (endpoint != null) {
      endpoint.close();
    }
  }

  /** Passes everything through to the real transport, keeping a copy of each packet sent. */
  private final class Recording implements SmpTransport {

    private final SmpTransport delegate;

    Recording(SmpTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public void start(Consumer<byte[]> receiver) throws IOException {
      delegate.start(receiver);
    }

    @Override
    public void send(byte[] packet) throws IOException {
      sent.add(packet.clone());
      delegate.send(packet);
    }

    @Override
    public int mtu() {
      return delegate.mtu();
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
