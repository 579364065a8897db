package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.transport.SmpTransport;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Sizes transfer chunks so that a whole request packet (8-byte header and CBOR payload) fits the
 * device's {@code buf_size} and the link. The payload is measured by encoding it with
 * {@link CborWriter}, so key names, integer widths (an {@code off} past 65535 takes two more
 * bytes) and the byte string's own length prefix are counted exactly, as Zephyr will see them.
 */
public final class ChunkSizer {

  /** Zephyr's default {@code CONFIG_MCUMGR_TRANSPORT_NETBUF_SIZE}, for devices without OS params. */
  public static final int DEFAULT_BUF_SIZE = 384;

  private ChunkSizer() {}

  /** Encodes one request of a transfer with {@code dataLength} bytes of data. */
  @FunctionalInterface
  public interface ChunkEncoder {
    void encode(CborWriter out, int dataLength);
  }

  /** An {@code mcumgr params} request (9 bytes) and its answer (about 40). */
  private static final int PARAMS_EXCHANGE_BYTES = 48;

  /** A device's {@code mcumgr params} and how long the request for them took there and back. */
  private record Known(OsMgmt.McumgrParams params, long roundTripNanos) {}

  /** The devices' buffers, asked once per client: they do not change while a device runs. */
  private static final Map<SmpClient, Known> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The largest request packet the device behind {@code client} takes, from its {@link
   * #params(SmpClient) params}.
   */
  public static int packetLimit(SmpClient client) {
    return packetLimit(params(client).bufSize(), client.transport());
  }

  /**
   * The device's {@code mcumgr params} (OS command 6), asked the first time and remembered for the
   * client; a device without that command is assumed to have Zephyr's default buffer of {@value
   * #DEFAULT_BUF_SIZE} bytes, and one of them.
   */
  public static OsMgmt.McumgrParams params(SmpClient client) {
    return known(client).params();
  }

  /**
   * The round trip of the request for the device's {@link #params params}: the one sample of the
   * link's round trip a transfer has before its first chunk.
   */
  static long paramsRoundTripNanos(SmpClient client) {
    return known(client).roundTripNanos();
  }

  private static Known known(SmpClient client) {
    Known known = KNOWN.get(client);
    if (known != null) {
      return known;
    }
    long asked = System.nanoTime();
    try {
      // asked again after a quarter second (and what a slow link takes to carry the exchange), not
      // after the client's whole timeout
      OsMgmtClient os = new OsMgmtClient(client);
      Copies.Answer<OsMgmt.McumgrParams> answer = Copies.firstAnswer(client, os::paramsAsync,
          Copies.QUICK_READ_WAIT.plusNanos(client.transport().transmitNanos(PARAMS_EXCHANGE_BYTES)),
          client.config().timeout(), Copies.clientPatience(client), "mcumgr params");
      known = new Known(answer.value(), answer.roundTripNanos());
    } catch (MgmtException e) {
      if (e.err() != MgmtErr.ENOTSUP) {
        throw e;
      }
      known = new Known(new OsMgmt.McumgrParams(DEFAULT_BUF_SIZE, 1), System.nanoTime() - asked);
    }
    OsMgmt.McumgrParams params = known.params();
    KNOWN.put(client, known);
    client.limitRequests(packetLimit(params.bufSize(), client.transport()));
    return known;
  }

  /**
   * The largest request packet for a device buffer of {@code bufSize} bytes over {@code
   * transport}: {@code bufSize} less what the link's framing takes of it ({@link
   * SmpTransport#bufferReserve()}: 4 over serial), at most the link's MTU and the SMP length
   * field's range.
   */
  public static int packetLimit(long bufSize, SmpTransport transport) {
    long limit = bufSize - transport.bufferReserve();
    limit = Math.min(limit, transport.mtu());
    return (int) Math.min(limit, SmpHeader.SIZE + SmpHeader.MAX_LENGTH);
  }

  /**
   * The most data bytes a request encoded by {@code encoder} may carry within {@code
   * packetLimit}. The other fields must not depend on the data length.
   *
   * @throws TransferException if not even one data byte fits
   */
  public static int maxData(int packetLimit, ChunkEncoder encoder) {
    CborWriter out = CborWriter.forRequest();
    encoder.encode(out, 0);
    // Room for the data's own head plus its bytes; the empty string's 1-byte head is in size().
    int room = packetLimit - SmpHeader.SIZE - (out.size() - headSize(0));
    int n = room - headSize(room);
    // A shorter string may need a shorter head, leaving room for a byte or two more.
    while (n + 1 + headSize(n + 1) <= room) {
      n++;
    }
    if (n < 1) {
      throw new TransferException("a request packet of at most " + packetLimit
          + " bytes has no room for data beside its " + (SmpHeader.SIZE + out.size() - 1) + " other bytes");
    }
    return n;
  }

  /** The encoded size of a CBOR head carrying {@code n}, measured rather than tabulated. */
  private static int headSize(int n) {
    return new CborWriter(9, 9).uint(Math.max(n, 0)).size();
  }
}
