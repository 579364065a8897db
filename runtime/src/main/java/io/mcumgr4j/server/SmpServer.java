package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.frame.SmpHeader;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * An SMP server: the group registry and the request processing of Zephyr's {@code smp.c}, fed
 * by server endpoints (UDP, serial, in-memory) through {@link #submit}.
 *
 * <p>Response rules, as Zephyr 4.4.0 applies them: op + 1, group, sequence and command echoed,
 * version {@code min(request version, 1)}, flags 0; maps written with indefinite length. A packet
 * may carry several messages back to back; each gets its own response and processing stops at
 * the first {@code {rc}} error. Fewer than 8 bytes left is dropped without an answer; a payload
 * shorter than the header's length gets {@code rc} 9 (ECORRUPT); a response op, an unknown op,
 * group or command, or a command without a handler for the op gets {@code rc} 8 (ENOTSUP); a
 * version above 1 gets 13, a v1 request to a server without v1 support 12.
 *
 * <p>Threading: {@link #submit} routes a packet by its peer ({@link TransportInfo#peer()}) to
 * one of {@code workerThreads} single-thread workers, each with its own queue of {@code
 * queueCapacity} packets. The requests of one peer are therefore handled one at a time and in
 * the order they arrived, as Zephyr handles a transport's requests, while different peers may be
 * handled in parallel (peers that hash to the same worker share it). An endpoint may instead
 * handle on its own thread with {@link #process}, as the UDP one does. {@link #runExclusive} runs
 * an action while no message is being handled, e.g. a simulated reset.
 *
 * <p>The work is shared out: {@link GroupRegistry} holds the groups, {@link PeerLanes} the
 * workers, {@link MessageHandler} the handling of each message.
 */
public final class SmpServer implements AutoCloseable {

  private final ServerConfig config;
  private final MgmtCallbacks callbacks;
  private final GroupRegistry registry = new GroupRegistry();
  private final DropCounter drops = new DropCounter();
  private final PeerLanes lanes;
  private final MessageHandler handler;

  /** Told of every message the server answers, e.g. to log requests one per line. */
  @FunctionalInterface
  public interface RequestLog {
    /**
     * @param request the request header
     * @param transport where it came from
     * @param rc 0 for a normal response (group errors included), else the {@code rc} sent
     */
    void handled(SmpHeader request, TransportInfo transport, int rc);
  }

  /** A server with {@link ServerConfig#DEFAULT} and a new event bus. */
  public SmpServer() {
    this(ServerConfig.DEFAULT, new MgmtCallbacks());
  }

  public SmpServer(ServerConfig config) {
    this(config, new MgmtCallbacks());
  }

  public SmpServer(ServerConfig config, MgmtCallbacks callbacks) {
    this.config = config;
    this.callbacks = callbacks;
    this.lanes = new PeerLanes(config.workerThreads(), config.queueCapacity(), drops);
    this.handler = new MessageHandler(this, registry, drops);
  }

  public ServerConfig config() {
    return config;
  }

  public MgmtCallbacks callbacks() {
    return callbacks;
  }

  /** Sets the request log ({@code null} for none). */
  public void setRequestLog(RequestLog log) {
    handler.setRequestLog(log);
  }

  /**
   * Registers a group. A further registration under an id already present may add command slots
   * the earlier ones leave empty (an application extending a built-in group).
   *
   * @throws IllegalArgumentException if a command id already has a handler under that group id
   */
  public void register(GroupHandler group) {
    registry.register(group);
  }

  /** Removes a registration. */
  public void unregister(GroupHandler group) {
    registry.unregister(group);
  }

  /** The registrations, in registration order. */
  public List<GroupHandler> groups() {
    return registry.all();
  }

  /** The groups registered under {@code groupId}, in registration order. */
  public List<GroupHandler> groups(int groupId) {
    return registry.byId(groupId);
  }

  /** Packets dropped without an answer: oversized, queue full, or too short for a header. */
  public long droppedPackets() {
    return drops.count();
  }

  /**
   * Counts a packet an endpoint dropped without handing it to the server, as a device out of
   * buffers drops it (an endpoint that queues requests itself, as the UDP one does).
   */
  public void dropped(String why, TransportInfo info) {
    drops.drop(why, info);
  }

  /**
   * Queues one received packet for the worker of its peer, behind the peer's earlier packets.
   * Never throws: a packet larger than {@code bufSize} or arriving while that worker's queue is
   * full is dropped (and counted), as a device out of buffers drops it.
   */
  public void submit(byte[] packet, int offset, int length, TransportInfo info, ResponseSink sink) {
    if (length > config.bufSize()) {
      drops.drop("packet of " + length + " bytes exceeds buf_size " + config.bufSize(), info);
      return;
    }
    byte[] copy = Arrays.copyOfRange(packet, offset, offset + length);
    lanes.submit(info, () -> handler.process(copy, 0, copy.length, info, sink));
  }

  /**
   * Processes one received packet on the calling thread and sends the responses to {@code sink}.
   * Never throws.
   */
  public void process(byte[] packet, int offset, int length, TransportInfo info, ResponseSink sink) {
    handler.process(packet, offset, length, info, sink);
  }

  /**
   * Runs {@code action} while no message is being handled: waits for the messages in progress to
   * finish and holds further ones off until the action returns (queued packets wait, they are not
   * dropped). A simulated device uses it so a reset never falls in the middle of a handler.
   *
   * @throws IllegalStateException when called from a handler, which would wait for itself
   */
  public <T> T runExclusive(Supplier<T> action) {
    return handler.runExclusive(action);
  }

  /** {@link #runExclusive(Supplier)} for an action without a result. */
  public void runExclusive(Runnable action) {
    runExclusive(() -> {
      action.run();
      return null;
    });
  }

  /** The SMP v1 code a v1 request gets for group error {@code rc} of {@code group}. */
  MgmtErr translate(int group, int rc) {
    return registry.translate(group, rc);
  }

  /** Stops the workers; queued requests are still answered, for up to two seconds in all. */
  @Override
  public void close() {
    lanes.close();
  }
}
