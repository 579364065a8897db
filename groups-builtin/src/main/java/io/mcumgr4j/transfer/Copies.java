package io.mcumgr4j.transfer;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.client.SmpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A request that a transfer cannot go on without, sent again as a request of its own (a new
 * sequence number) each time a wait for an answer runs out: after a first wait, then twice as long
 * each time up to a ceiling, until a total patience is spent. The answer to any copy counts, so a
 * device slower than the waits is answered by its first answer, however late. Only for requests
 * the device may take more than once: reads, and the first chunk of an upload, whose copies the
 * device answers with the offset it holds.
 *
 * <p>A client's own retries resend the same frame after its whole timeout (3 s by default): on a
 * link losing one datagram in ten, each of a transfer's few such requests then cost seconds.
 */
final class Copies {

  /**
   * The first wait for a read the device answers at once ({@code mcumgr params}, an image state
   * read, a download's first request), beside what a slow link takes to carry the request and its
   * answer ({@link io.mcumgr4j.transport.SmpTransport#transmitNanos}): nothing may be measured
   * yet, and a quarter of RFC 6298's first second covers a slow link.
   */
  static final Duration QUICK_READ_WAIT = Duration.ofMillis(250);

  private Copies() {}

  /**
   * An answer, and the round trip of the copy it answered: a sample of the link's round trip that
   * a lost copy does not inflate.
   */
  record Answer<T>(T value, long roundTripNanos) {}

  /**
   * The answer to a read the device answers at once, its copies sent after {@link
   * #QUICK_READ_WAIT}, then twice as long up to the client's timeout, for as long as the client's
   * timeout and retries would have waited.
   */
  static <T> T quick(SmpClient client, Supplier<CompletableFuture<T>> send, String what) {
    return firstAnswer(client, send, QUICK_READ_WAIT, client.config().timeout(), clientPatience(client), what).value();
  }

  /** How long the client waits for a request over all its tries: its timeout once per try. */
  static Duration clientPatience(SmpClient client) {
    return client.config().timeout().multipliedBy(client.config().retries() + 1L);
  }

  /**
   * The first answer to {@code send}'s copies.
   *
   * @param what the request, for the timeout's message
   * @throws SmpTimeoutException when none is answered within {@code patience}
   * @throws RuntimeException the first failure of a copy other than its own timeout
   */
  static <T> Answer<T> firstAnswer(SmpClient client, Supplier<CompletableFuture<T>> send, Duration firstWait,
      Duration ceiling, Duration patience, String what) {
    long giveUp = System.nanoTime() + patience.toNanos();
    long wait = Math.min(firstWait.toNanos(), ceiling.toNanos());
    CompletableFuture<Answer<T>> answered = new CompletableFuture<>();
    List<CompletableFuture<T>> copies = new ArrayList<>();
    try {
      while (true) {
        long sentAt = System.nanoTime();
        CompletableFuture<T> copy = send.get();
        copies.add(copy);
        copy.whenComplete((value, failure) -> {
          if (failure == null) {
            answered.complete(new Answer<>(value, System.nanoTime() - sentAt));
          } else if (!(unwrap(failure) instanceof SmpTimeoutException)) {
            answered.completeExceptionally(unwrap(failure));
          }
        });
        long until = Math.min(System.nanoTime() + wait, giveUp);
        client.receiveWhile(() -> !answered.isDone(), until - System.nanoTime());
        try {
          return answered.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (System.nanoTime() - giveUp >= 0) {
            throw new SmpTimeoutException("no response from " + client.transport().address() + " to " + what + " within "
                + patience.toMillis() + " ms (" + copies.size() + (copies.size() == 1 ? " request)" : " copies)"));
          }
          wait = Math.min(wait * 2, ceiling.toNanos());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransferException(what + ": interrupted while waiting for an answer");
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } finally {
      // answers still due are no longer wanted: cancelling a copy, or a stage derived from it, gives
      // its sequence number back
      copies.forEach(copy -> copy.cancel(false));
    }
  }

  static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
