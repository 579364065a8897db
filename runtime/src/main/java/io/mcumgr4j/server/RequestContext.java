package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.frame.SmpHeader;

/**
 * What a handler knows about the request it is handling: the header, the link it came in on, and
 * the server's callbacks. One instance serves one request at a time on one worker thread.
 */
public final class RequestContext {

  private final SmpServer server;
  private SmpHeader header;
  private TransportInfo transport;
  /** The {@code rc} a v1 request gets for the group error written, 0 when none (or it translates to 0). */
  private int legacyRc;

  RequestContext(SmpServer server) {
    this.server = server;
  }

  void reset(SmpHeader header, TransportInfo transport) {
    this.header = header;
    this.transport = transport;
    this.legacyRc = 0;
  }

  /** The request header. */
  public SmpHeader header() {
    return header;
  }

  /** 0 for an SMP v1 request, 1 for v2. */
  public int version() {
    return header.version();
  }

  /** The request's sequence number. */
  public int sequence() {
    return header.sequence();
  }

  /** The link the request came in on. */
  public TransportInfo transport() {
    return transport;
  }

  /** The sender, printable. */
  public String peer() {
    return transport.peer();
  }

  /** The largest response the link carries in one message. */
  public int mtu() {
    return transport.mtu();
  }

  /** The server's event bus, for handlers that fire their group's events. */
  public MgmtCallbacks callbacks() {
    return server.callbacks();
  }

  /** The server's configuration. */
  public ServerConfig config() {
    return server.config();
  }

  /** The server handling this request (e.g. for enumeration of its groups). */
  public SmpServer server() {
    return server;
  }

  /**
   * Writes {@code err: {group, rc}} into the response at this point, keeping whatever the handler
   * wrote around it (as Zephyr's {@code smp_add_cmd_err}) for a v2 request. For a v1 request the
   * whole response becomes {@code {rc}} with the group's translated code and the other keys are
   * not sent (unless the group translates the code to 0, when the response goes out as written,
   * {@code err} included, as Zephyr sends it). Use {@link io.mcumgr4j.error.GroupErrorException}
   * when the error is all the response holds.
   */
  public void writeGroupError(CborWriter response, GroupError error) {
    writeGroupError(response, error.group(), error.rc());
  }

  /** As {@link #writeGroupError(CborWriter, GroupError)}, by numbers. */
  public void writeGroupError(CborWriter response, int group, int rc) {
    if (rc == 0) {
      return;
    }
    if (header.version() == SmpHeader.VERSION_1) {
      legacyRc = server.translate(group, rc).code();
      if (legacyRc != MgmtErr.EOK.code()) {
        return;
      }
    }
    response.key("err").startMap().key("group").uint(group).key("rc").uint(rc).end();
  }

  /** The {@code rc} that replaces this v1 response because of a group error, or 0. */
  int legacyRc() {
    return legacyRc;
  }
}
