package io.mcumgr4j.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a request, and of every stage derived from it ({@code thenApply} and the like): a
 * thread that blocks on it reads the link itself while it waits, where the transport allows it
 * ({@link io.mcumgr4j.transport.SmpTransport#receiveWhile}), so the answer does not wait for the
 * transport's thread to wake the caller. Cancelling a derived stage cancels the request as well,
 * as cancelling the request's own future does: its answer is no longer awaited and its sequence
 * number goes back (a typed client's future is such a stage).
 */
final class ResponseFuture<T> extends CompletableFuture<T> {

  private final SmpClient client;
  /** The request's own future, for a derived stage; null for the request's own. */
  private final CompletableFuture<?> request;

  ResponseFuture(SmpClient client) {
    this(client, null);
  }

  private ResponseFuture(SmpClient client, CompletableFuture<?> request) {
    this.client = client;
    this.request = request;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new ResponseFuture<>(client, request == null ? this : request);
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled && request != null) {
      request.cancel(mayInterruptIfRunning);
    }
    return cancelled;
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    client.receiveWhile(() -> !isDone(), Long.MAX_VALUE);
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    long nanos = unit.toNanos(timeout);
    long start = System.nanoTime();
    client.receiveWhile(() -> !isDone(), nanos);
    return super.get(Math.max(0, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
  }

  @Override
  public T join() {
    client.receiveWhile(() -> !isDone(), Long.MAX_VALUE);
    return super.join();
  }
}
