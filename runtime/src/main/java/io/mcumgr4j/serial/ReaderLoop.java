package io.mcumgr4j.serial;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;

/**
 * A daemon thread that feeds everything read from a stream to a decoder until end of stream, an
 * I/O error or {@link #stop()}. Nothing thrown inside escapes the thread: failures are logged. A
 * runtime exception from the decoder or the receiver behind it costs the rest of that read, not
 * the link: reading goes on. An owner serving many links (a TCP server) learns through {@code
 * onEnd} that one has ended, to release it.
 */
public final class ReaderLoop implements Runnable {

  private static final System.Logger LOG = System.getLogger(ReaderLoop.class.getName());
  private static final int READ_SIZE = 1024;
  private static final long JOIN_MILLIS = 2000;

  private final String peer;
  private final InputStream in;
  private final SerialFrameDecoder decoder;
  private final Runnable onEnd;
  private final Thread thread;
  private volatile boolean stopping;

  public ReaderLoop(String threadName, String peer, InputStream in, SerialFrameDecoder decoder) {
    this(threadName, peer, in, decoder, () -> {});
  }

  /**
   * A loop that runs {@code onEnd} on its thread when reading stops for any reason (end of stream,
   * a failure, {@link #shutdown}); a runtime exception from it is logged.
   */
  public ReaderLoop(
      String threadName, String peer, InputStream in, SerialFrameDecoder decoder, Runnable onEnd) {
    this.peer = peer;
    this.in = in;
    this.decoder = decoder;
    this.onEnd = onEnd;
    this.thread = new Thread(this, threadName);
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void stop() {
    stopping = true;
    // Interrupting unblocks streams that ignore close, such as PipedInputStream.
    thread.interrupt();
  }

  /**
   * Stops the thread, closes {@code resources} (the streams, to unblock a pending read) and waits
   * for the thread to end: what every owner's {@code close()} does.
   */
  public void shutdown(AutoCloseable... resources) {
    stop();
    Closing.quietly(resources);
    awaitEnd();
  }

  /**
   * Waits (boundedly, as a stream may ignore both close and interrupt) until the thread has ended,
   * so no packet is delivered after the owner's close returns; not from the thread itself.
   */
  private void awaitEnd() {
    if (Thread.currentThread() == thread || !thread.isAlive()) {
      return;
    }
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void run() {
    byte[] buffer = new byte[READ_SIZE];
    try {
      while (!stopping) {
        int n = in.read(buffer);
        if (n < 0) {
          LOG.log(Level.DEBUG, "end of stream from {0}", peer);
          return;
        }
        feed(buffer, n);
      }
    } catch (IOException e) {
      if (!stopping) {
        LOG.log(Level.WARNING, "reading from " + peer + " failed; receiving stopped", e);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "reading from " + peer + " failed; receiving stopped", e);
    } finally {
      end();
    }
  }

  private void end() {
    try {
      onEnd.run();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "ending the link to " + peer + " failed", e);
    }
  }

  private void feed(byte[] buffer, int n) {
    try {
      decoder.feed(buffer, 0, n);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "a packet from " + peer + " could not be handled; receiving goes on", e);
    }
  }
}
