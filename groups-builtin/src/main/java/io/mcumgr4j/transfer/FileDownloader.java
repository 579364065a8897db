package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import io.mcumgr4j.transport.SmpTransport;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Downloads a file through the FS group (8): the reply at offset 0 gives the file's {@code len} and
 * the device's chunk size, then a window of requests (one fewer than the device's {@code
 * buf_count}, or {@link TransferOptions#window()}) asks for the offsets that size predicts until
 * every byte has come (Zephyr's download is stateless). Lost requests are asked again after a
 * timeout that follows the round trip; the download fails only after the progress deadline.
 */
public final class FileDownloader {

  private final SmpClient client;
  private final TransferOptions options;

  public FileDownloader(SmpClient client, TransferOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
  }

  public FileDownloader(SmpClient client) {
    this(client, TransferOptions.DEFAULT);
  }

  /** The largest file a download takes: the bytes are collected in one array, whose size the JVM bounds. */
  public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  /**
   * Downloads the file {@code name}. With {@link TransferOptions#verify()}, checks the device's
   * hash of the file against the bytes received.
   *
   * @throws TransferException if the device announces more than {@link #MAX_LENGTH} bytes (the
   *     file is collected in memory), answers another offset, sends past {@code len}, stops
   *     sending data early, or the hash differs
   */
  public byte[] download(String name) {
    byte[] request = FileChunks.download(name, 0);
    Duration timeout = options.chunkTimeout();
    // asked again after a quarter second and what a slow link takes to carry a chunk, not after
    // the whole chunk timeout
    SmpTransport link = client.transport();
    Duration firstWait = Copies.QUICK_READ_WAIT.plusNanos(link.transmitNanos(SmpHeader.SIZE + request.length)
        + link.transmitNanos(link.mtu()));
    SmpFrame answer = Copies.firstAnswer(client,
        () -> client.sendAsync(Op.READ, FsMgmtClient.GROUP_ID, 0, request, timeout, 0), firstWait,
        timeout, timeout.multipliedBy(options.retries() + 1L), "download of " + name).value();
    FileChunks.Download first = FileChunks.decodeDownload(answer.payload());
    if (first.len() == null) {
      throw new TransferException("the first download reply of " + name + " has no len");
    }
    long len = first.len();
    if (len < 0 || len > MAX_LENGTH) {
      throw new TransferException(name + " is " + Long.toUnsignedString(len)
          + " bytes, more than a byte array holds (" + MAX_LENGTH + ")");
    }
    byte[] data = new byte[(int) len];
    Coverage covered = new Coverage();
    take(name, first, 0, data, covered);
    options.listener().progress(covered.held(), len);
    if (covered.contiguous() < len) {
      fetchRest(name, data, covered, first.data().length);
    }
    if (options.verify() && !new FileHash(client).matches(name, data)) {
      throw new TransferException("the device's hash of " + name + " differs from the downloaded data");
    }
    return data;
  }

  /** One request on its way: its offset, the chunk expected back, when it went, its window ticket and pass. */
  private record Asked(long off, int expected, long sentNanos, int ticket, int pass) {}

  /** A request's answer, or why it has none. */
  private record Answer(Asked asked, SmpFrame response, Throwable failure) {}

  /**
   * Asks for the rest with a window of requests in flight at the offsets the device's chunk size
   * predicts (Zephyr's download is stateless: any offset may be asked for). A chunk shorter than
   * predicted, or lost, makes the download go on from the first byte still missing; chunks that
   * arrive twice or overlap are merged.
   */
  private void fetchRest(String name, byte[] data, Coverage covered, int firstChunk) {
    long len = data.length;
    int window = options.window() > 0 ? options.window()
        : (int) Math.max(1, ChunkSizer.params(client).bufCount() - 1);
    RetransmitTimer timer = new RetransmitTimer(options.chunkTimeout());
    LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    long lastProgress = System.nanoTime();
    int chunk = Math.max(1, firstChunk);
    long next = covered.contiguous();
    WindowPlaces places = new WindowPlaces(window);
    while (covered.contiguous() < len) {
      while (places.free() && next < len) {
        Asked asked = new Asked(next, (int) Math.min(chunk, len - next), System.nanoTime(), places.sent(),
            places.pass());
        client.sendAsync(Op.READ, FsMgmtClient.GROUP_ID, 0, FileChunks.download(name, next), timer.timeout(), 0)
            .whenComplete((response, failure) -> answers.add(new Answer(asked, response, failure)));
        next += asked.expected();
      }
      Answer answer = poll(answers, options.progressDeadline().toNanos() - (System.nanoTime() - lastProgress), name);
      Asked asked = answer.asked();
      boolean current = asked.pass() == places.pass();
      if (answer.failure() != null) {
        Throwable failure = Copies.unwrap(answer.failure());
        if (!(failure instanceof SmpTimeoutException)) {
          throw (RuntimeException) failure;
        }
        places.timedOut(asked.ticket());
        if (current && !covered.covers(asked.off(), asked.expected())) {
          timer.backOff();
          places.newPass();
          next = covered.contiguous();
        }
        continue;
      }
      FileChunks.Download reply = FileChunks.decodeDownload(answer.response().payload());
      places.answered(asked.ticket());
      timer.sample(System.nanoTime() - asked.sentNanos());
      long before = covered.held();
      take(name, reply, asked.off(), data, covered);
      if (covered.held() > before) {
        lastProgress = System.nanoTime();
        options.listener().progress(covered.held(), len);
      }
      if (reply.data().length > 0) {
        chunk = reply.data().length;
      }
      if (current && reply.data().length < asked.expected()) {
        // shorter than predicted: the offsets asked after it are off; go on from the first byte missing
        places.newPass();
        next = covered.contiguous();
      }
    }
  }

  /** Checks a reply to the request at {@code asked} and copies its data into place. */
  private static void take(String name, FileChunks.Download reply, long asked, byte[] data, Coverage covered) {
    long len = data.length;
    if (reply.off() != asked) {
      throw new TransferException("asked for offset " + asked + " of " + name + ", got " + reply.off());
    }
    if (asked + reply.data().length > len) {
      throw new TransferException(name + ": data up to " + (asked + reply.data().length) + " is past len " + len);
    }
    if (reply.data().length == 0 && asked < len) {
      throw new TransferException(name + ": no data at offset " + asked + " of " + len + " (file shrunk?)");
    }
    System.arraycopy(reply.data(), 0, data, (int) asked, reply.data().length);
    covered.add(asked, reply.data().length);
  }

  /** The next answer, read off the link on this thread where it can be. */
  private Answer poll(LinkedBlockingQueue<Answer> answers, long waitNanos, String name) {
    try {
      client.receiveWhile(answers::isEmpty, waitNanos);
      // past the deadline, an answer already here still counts
      Answer a = waitNanos > 0 ? answers.poll(waitNanos, TimeUnit.NANOSECONDS) : answers.poll();
      if (a == null) {
        throw new TransferException("download of " + name + ": the device sent nothing new for the progress deadline");
      }
      return a;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransferException("download of " + name + " interrupted");
    }
  }

  /** The byte ranges received so far, merged: where the gap-free prefix ends, and what else is held. */
  private static final class Coverage {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long held;

    void add(long off, int length) {
      long start = off;
      long end = off + length;
      Map.Entry<Long, Long> before = ranges.floorEntry(start);
      if (before != null && before.getValue() >= start) {
        start = before.getKey();
        end = Math.max(end, before.getValue());
      }
      for (Map.Entry<Long, Long> e = ranges.ceilingEntry(start); e != null && e.getKey() <= end;
          e = ranges.ceilingEntry(start)) {
        end = Math.max(end, e.getValue());
        held -= e.getValue() - e.getKey();
        ranges.remove(e.getKey());
      }
      ranges.put(start, end);
      held += end - start;
    }

    /** How many bytes have come, wherever they are. */
    long held() {
      return held;
    }

    /** Where the range from 0 ends. */
    long contiguous() {
      Long end = ranges.get(0L);
      return end == null ? 0 : end;
    }

    boolean covers(long off, int length) {
      Map.Entry<Long, Long> e = ranges.floorEntry(off);
      return e != null && e.getValue() >= off + length;
    }
  }
}
