package io.mcumgr4j.server;

/**
 * Limits and options of an {@link SmpServer}.
 *
 * @param bufSize size of one SMP buffer, header included: the largest request packet accepted
 *     and the largest response written (Zephyr's {@code CONFIG_MCUMGR_TRANSPORT_NETBUF_SIZE},
 *     reported as {@code buf_size})
 * @param bufCount buffers the device has (reported as {@code buf_count})
 * @param workerThreads threads that handle the requests endpoints {@linkplain SmpServer#submit
 *     submit}; the requests of one peer always go to the same thread, so they are handled in
 *     order, and different peers may go in parallel (the UDP endpoint handles its requests on its
 *     own thread instead)
 * @param queueCapacity request packets that may wait for each worker (every worker has a queue
 *     of this size, so one busy peer can use all of its worker's queue whatever the number of
 *     workers), and datagrams that may wait for a UDP endpoint; a packet arriving when its queue
 *     is full is dropped, as a device out of buffers drops it
 * @param verboseErrors whether {@code {rc}} responses carry the {@code rsn} text
 *     ({@code CONFIG_MCUMGR_SMP_VERBOSE_ERR_RESPONSE}; off in Zephyr's sample)
 * @param supportV1 whether SMP v1 requests are served ({@code
 *     CONFIG_MCUMGR_SMP_SUPPORT_ORIGINAL_PROTOCOL}); when off they get {@code rc} 12
 */
public record ServerConfig(
    int bufSize, int bufCount, int workerThreads, int queueCapacity, boolean verboseErrors, boolean supportV1) {

  /** Zephyr's defaults for a UDP build (2048 x 2), two workers, 64 queued packets each, terse errors. */
  public static final ServerConfig DEFAULT = new ServerConfig(2048, 2, 2, 64, false, true);

  public ServerConfig {
    if (bufSize < 64 || bufSize > 0xFFFF + 8) {
      throw new IllegalArgumentException("bufSize " + bufSize + " outside 64..65543");
    }
    if (bufCount < 1 || workerThreads < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("bufCount, workerThreads and queueCapacity must be >= 1");
    }
  }

  public ServerConfig withBufSize(int value) {
    return new ServerConfig(value, bufCount, workerThreads, queueCapacity, verboseErrors, supportV1);
  }

  public ServerConfig withBufCount(int value) {
    return new ServerConfig(bufSize, value, workerThreads, queueCapacity, verboseErrors, supportV1);
  }

  public ServerConfig withWorkerThreads(int value) {
    return new ServerConfig(bufSize, bufCount, value, queueCapacity, verboseErrors, supportV1);
  }

  public ServerConfig withQueueCapacity(int value) {
    return new ServerConfig(bufSize, bufCount, workerThreads, value, verboseErrors, supportV1);
  }

  public ServerConfig withVerboseErrors(boolean value) {
    return new ServerConfig(bufSize, bufCount, workerThreads, queueCapacity, value, supportV1);
  }

  public ServerConfig withSupportV1(boolean value) {
    return new ServerConfig(bufSize, bufCount, workerThreads, queueCapacity, verboseErrors, value);
  }
}
