package io.mcumgr4j.client;

import io.mcumgr4j.frame.SmpHeader;
import java.time.Duration;

/**
 * Options of an {@link SmpClient}.
 *
 * @param timeout how long to wait for each attempt's response
 * @param retries how many times a request is sent again after a timeout (same sequence number)
 * @param version SMP version bits of requests: {@link SmpHeader#VERSION_2} (default) or {@link
 *     SmpHeader#VERSION_1}
 */
public record ClientConfig(Duration timeout, int retries, int version) {

  /** 3 s per attempt, 2 retries, SMP v2. */
  public static final ClientConfig DEFAULT = new ClientConfig(Duration.ofSeconds(3), 2, SmpHeader.VERSION_2);

  public ClientConfig {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0");
    }
    if (version != SmpHeader.VERSION_1 && version != SmpHeader.VERSION_2) {
      throw new IllegalArgumentException("version must be 0 (v1) or 1 (v2)");
    }
  }

  public ClientConfig withTimeout(Duration value) {
    return new ClientConfig(value, retries, version);
  }

  public ClientConfig withRetries(int value) {
    return new ClientConfig(timeout, value, version);
  }

  public ClientConfig withVersion(int value) {
    return new ClientConfig(timeout, retries, value);
  }
}
