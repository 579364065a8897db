package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.transport.SmpTransport;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The request loop of the uploads: the chunk at offset 0 alone, resent early but waited for long
 * (it may erase a slot or truncate a file); then up to a window of chunks in flight, sent in
 * order. The device answers each with the offset it expects next; when that is not the end of the
 * chunk (one before it was lost, or came late), the upload goes on from the device's offset. Late
 * and duplicate answers change nothing: an answer behind the offset the device had already
 * confirmed counts as the device going back (a reboot) only when its request was sent after the
 * client had taken that confirmation; before, it is an answer held up on the link. A lost request is resent after
 * a timeout that follows the measured round trip ({@link RetransmitTimer}); the upload fails only
 * when the device takes nothing new for the progress deadline, or keeps sending it back ({@link
 * Progress}).
 */
final class ChunkWindow {

  /** What a transfer sends and how it reads the device's answers. */
  interface Protocol {

    /** The request carrying the chunk at {@code off}. */
    ChunkSizer.ChunkEncoder chunk(long off);

    /** The offset the device expects next, from its answer; throws what ends the transfer. */
    long expected(SmpFrame response);

    /**
     * The offset to go on from when the device claims {@code claimed}, more than the chunk it
     * answers ended at and than was sent; the claim itself unless the protocol knows better.
     */
    default long ahead(long claimed) {
      return claimed;
    }

    /**
     * Whether the device already holds the whole transfer, asked when it answers as if it held
     * none of it after the last chunk went out: Zephyr forgets an image upload once its last chunk
     * is written, so a resent last chunk whose first answer was lost is answered offset 0.
     *
     * @param resendAfter the transfer's timeout: how long to wait before asking again
     */
    default boolean holdsAll(Duration resendAfter) {
      return false;
    }
  }

  /** The latest first resend of the first chunk, as a retransmission timer's first timeout (RFC 6298). */
  private static final long FIRST_RESEND_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long FIRST_RESEND_FLOOR_MILLIS = 100;
  private static final long FIRST_RESEND_FLOOR_NANOS = Duration.ofMillis(FIRST_RESEND_FLOOR_MILLIS).toNanos();
  /** A chunk's answer: header and {@code {off: n}}. */
  private static final int ANSWER_BYTES = 16;

  /** One chunk on its way: where it starts, its length, when it went, its window ticket and pass. */
  private record Sent(long off, int length, long sentNanos, int ticket, int pass) {}

  /** A chunk's answer, or why it has none. */
  private record Answer(Sent sent, SmpFrame response, Throwable failure) {}

  private final SmpClient client;
  private final TransferOptions options;
  private final int group;
  private final int command;
  private final String what;

  /**
   * @param group the SMP group of the requests
   * @param command their command
   * @param what the transfer, for messages (e.g. "image upload")
   */
  ChunkWindow(SmpClient client, TransferOptions options, int group, int command, String what) {
    this.client = client;
    this.options = options;
    this.group = group;
    this.command = command;
    this.what = what;
  }

  /**
   * Sends {@code len} bytes from {@code start} until the device holds them all.
   *
   * @return the requests answered
   */
  int run(long start, long len, Protocol protocol) {
    int packetLimit = ChunkSizer.packetLimit(client);
    int window = options.window() > 0 ? options.window()
        : (int) Math.max(1, ChunkSizer.params(client).bufCount() - 1);
    CborWriter out = CborWriter.forRequest();
    Progress progress = new Progress();
    RetransmitTimer timer = new RetransmitTimer(options.chunkTimeout());
    LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    long deadlineNanos = options.progressDeadline().toNanos();
    long lastProgress = System.nanoTime();
    long acked = start;
    // when the device last said where it stands: an answer to a request sent before is no news
    long ackedAt = System.nanoTime();
    long best = start;
    long next = start;
    long highestSent = start;
    int requests = 0;
    WindowPlaces places = new WindowPlaces(window);
    boolean first = true;
    while (first || acked < len) {
      if (next == 0 || first && len == 0) {
        // alone; its answer says where a resumed transfer stands
        int n = chunkLength(protocol, 0, packetLimit, len);
        long off = protocol.expected(sendFirst(encode(out, protocol, 0, n)));
        requests++;
        first = false;
        off = off > n ? protocol.ahead(off) : off;
        acked = checked(off, len);
        ackedAt = System.nanoTime();
        places.newPass();
        next = acked;
        highestSent = Math.max(highestSent, n);
        if (acked > best) {
          best = acked;
          lastProgress = System.nanoTime();
        }
        options.listener().progress(acked, len);
        continue;
      }
      first = false;
      while (places.free() && next < len) {
        int n = chunkLength(protocol, next, packetLimit, len);
        Sent sent = new Sent(next, n, System.nanoTime(), places.sent(), places.pass());
        client.sendAsync(Op.WRITE, group, command, encode(out, protocol, next, n), timer.timeout(), 0)
            .whenComplete((response, failure) -> answers.add(new Answer(sent, response, failure)));
        next += n;
        highestSent = Math.max(highestSent, next);
      }
      Answer answer = take(answers, deadlineNanos - (System.nanoTime() - lastProgress), acked, len);
      Sent sent = answer.sent();
      long end = sent.off() + sent.length();
      boolean current = sent.pass() == places.pass();
      if (answer.failure() != null) {
        Throwable failure = Copies.unwrap(answer.failure());
        if (!(failure instanceof SmpTimeoutException)) {
          throw (RuntimeException) failure;
        }
        places.timedOut(sent.ticket());
        if (current && acked < end) {
          // lost, or its answer was: wait longer, and go on from what the device has taken
          timer.backOff();
          places.newPass();
          next = acked;
        }
        continue;
      }
      requests++;
      places.answered(sent.ticket());
      long off = protocol.expected(answer.response());
      long now = System.nanoTime();
      timer.sample(now - sent.sentNanos());
      if (off > end && off > highestSent) {
        off = protocol.ahead(off);
      }
      checked(off, len);
      if (off > acked) {
        progress.reply(acked, off, what);
        acked = off;
        ackedAt = now;
        options.listener().progress(acked, len);
      } else if (off < acked) {
        if (sent.sentNanos() - ackedAt < 0) {
          // answered before the device got as far as acked and held up on the way (or the answer
          // to a duplicate that overtook the first): stale, but its chunk is not known to be taken
          if (current && acked < end) {
            places.newPass();
            next = acked;
          }
          continue;
        }
        if (highestSent == len && protocol.holdsAll(timer.timeout())) {
          // the last chunk's answer was lost: the device finished the upload and forgot it
          acked = len;
          options.listener().progress(acked, len);
          break;
        }
        // behind what it had taken, asked after it had: the device went back (a reboot)
        progress.reply(acked, off, what);
        acked = off;
        ackedAt = now;
        best = acked; // the deadline counts from here: the way back up is progress again
        lastProgress = now;
      } else if (current && off == sent.off()) {
        progress.reply(off, off, what); // answered without taking the data
      }
      if (acked > best) {
        best = acked;
        lastProgress = now;
      }
      if (current && off < end) {
        // this chunk was not taken where it was sent (one before it was lost): resend from the device's offset
        places.newPass();
        next = off;
      } else if (off > next) {
        next = off; // the device has more than was sent (a resumed transfer): skip what it holds
      }
    }
    return requests;
  }

  /**
   * The chunk at offset 0, which may make the device erase a slot before it answers: resent after
   * {@link #firstResendNanos}, then after twice as long each time up to {@link
   * TransferOptions#firstChunkTimeout}, until it has waited the first chunk's timeout once per try
   * ({@code retries} + 1), each copy a request of its own ({@link Copies}). A device that took
   * longer to erase than the resends waited answers the first copy late, and the copies it takes
   * after it answer the offset it holds (the same {@code sha} resumes an upload; a file upload's
   * {@link Protocol#ahead} sorts out a truncated file).
   */
  private SmpFrame sendFirst(byte[] payload) {
    Duration ceiling = options.firstChunkTimeout();
    return Copies.firstAnswer(client, () -> client.sendAsync(Op.WRITE, group, command, payload, ceiling, 0),
        Duration.ofNanos(firstResendNanos(SmpHeader.SIZE + payload.length)), ceiling,
        ceiling.multipliedBy(options.retries() + 1L), what + ", first chunk").value();
  }

  /**
   * When the first chunk of {@code packetBytes} is first resent: three round trips of the {@code
   * mcumgr params} exchange (RFC 6298's timeout after one sample), at least {@value
   * #FIRST_RESEND_FLOOR_MILLIS} ms for the flash write a first chunk starts with and at most a
   * second (RFC 6298's first timeout, taken before anything is measured), plus the time a slow
   * link takes to carry the chunk and its answer (a 2 KB chunk is 0.2 s at 115200 baud), which
   * the few bytes of the params exchange did not show.
   */
  private long firstResendNanos(int packetBytes) {
    long roundTrips = 3 * ChunkSizer.paramsRoundTripNanos(client);
    SmpTransport link = client.transport();
    return Math.max(FIRST_RESEND_FLOOR_NANOS, Math.min(FIRST_RESEND_NANOS, roundTrips))
        + link.transmitNanos(packetBytes) + link.transmitNanos(ANSWER_BYTES);
  }

  private long checked(long off, long len) {
    if (off > len) {
      throw new TransferException(what + ": the device answered offset " + off + " past the " + len + " bytes");
    }
    return off;
  }

  private static int chunkLength(Protocol protocol, long off, int packetLimit, long len) {
    return (int) Math.min(ChunkSizer.maxData(packetLimit, protocol.chunk(off)), len - off);
  }

  private static byte[] encode(CborWriter out, Protocol protocol, long off, int n) {
    protocol.chunk(off).encode(out.reset(), n);
    return out.toByteArray();
  }

  /** The next answer, read off the link on this thread where it can be. */
  private Answer take(LinkedBlockingQueue<Answer> answers, long waitNanos, long acked, long len) {
    try {
      client.receiveWhile(answers::isEmpty, waitNanos);
      // past the deadline, an answer already here still counts
      Answer a = waitNanos > 0 ? answers.poll(waitNanos, TimeUnit.NANOSECONDS) : answers.poll();
      if (a == null) {
        throw new TransferException(what + ": the device took nothing for the progress deadline (it holds " + acked
            + " of " + len + " bytes; a new transfer resumes there)");
      }
      return a;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransferException(what + " interrupted at " + acked + " of " + len + " bytes");
    }
  }
}
