package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.Responses;
import io.mcumgr4j.client.SmpClient;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Typed client of the {@code example} group (id 64), declared by {@link ExampleMgmt}. Blocking methods throw
 * {@code MgmtException} for an {@code rc} error, {@code GroupErrorException} (carrying a {@link ExampleMgmtError}) for
 * a group error, and the {@code SmpClient}'s timeout and transport exceptions; the {@code *Async}
 * variants complete exceptionally with the same.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class ExampleMgmtClient {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 64;

  private final SmpClient client;

  /**
   * @param client the connection to the device
   */
  public ExampleMgmtClient(SmpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Checks a value: above 50 it is not wanted.
   *
   * <p>Sends a {@code READ} request for command 0.
   *
   * @param value any unsigned 32-bit value
   * @param text a non-empty text
   * @return 4691
   */
  public ExampleMgmt.TestResult test(long value, String text) {
    return SmpClient.await(testAsync(value, text));
  }

  /**
   * As {@link #test}, without blocking.
   */
  public CompletableFuture<ExampleMgmt.TestResult> testAsync(long value, String text) {
    Objects.requireNonNull(text, "text");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2);
    out.key("uint_key");
    out.uint32(value);
    out.key("string_key");
    out.text(text);
    out.endMap();
    return client.sendAsync(Op.READ, GROUP_ID, 0, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), ExampleMgmtError::forCode,
            ExampleMgmtCodec::readTestResult));
  }

  /**
   * Returns some dummy data; its hook lets the application refuse it.
   *
   * <p>Sends a {@code WRITE} request for command 1.
   *
   * @param userValue an optional unsigned 32-bit value
   * @return the dummy text
   */
  public ExampleMgmt.OtherResult other(OptionalLong userValue) {
    return SmpClient.await(otherAsync(userValue));
  }

  /**
   * As {@link #other}, without blocking.
   */
  public CompletableFuture<ExampleMgmt.OtherResult> otherAsync(OptionalLong userValue) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap((userValue.isPresent() ? 1 : 0));
    if (userValue.isPresent()) {
      out.key("user_value");
      out.uint32(userValue.getAsLong());
    }
    out.endMap();
    return client.sendAsync(Op.WRITE, GROUP_ID, 1, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), ExampleMgmtError::forCode,
            ExampleMgmtCodec::readOtherResult));
  }
}
