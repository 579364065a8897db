package test.extension;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.client.Responses;
import io.mcumgr4j.client.SmpClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Typed client of the {@code base} group (id 70), declared by {@link ExtendedMgmt}. Blocking methods throw
 * {@code MgmtException} for an {@code rc} error, {@code GroupErrorException} (carrying a {@link ExtendedMgmtError}) for
 * a group error, and the {@code SmpClient}'s timeout and transport exceptions; the {@code *Async}
 * variants complete exceptionally with the same.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class ExtendedMgmtClient {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 70;

  private final SmpClient client;

  /**
   * @param client the connection to the device
   */
  public ExtendedMgmtClient(SmpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Reads the base information.
   *
   * <p>Sends a {@code READ} request for command 0.
   */
  public BaseMgmt.Info info(boolean verbose) {
    return SmpClient.await(infoAsync(verbose));
  }

  /**
   * As {@link #info}, without blocking.
   */
  public CompletableFuture<BaseMgmt.Info> infoAsync(boolean verbose) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(1);
    out.key("verbose");
    out.bool(verbose);
    out.endMap();
    return client.sendAsync(Op.READ, GROUP_ID, 0, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), ExtendedMgmtError::forCode,
            ExtendedMgmtCodec::readInfo));
  }

  /**
   * Does something extra.
   *
   * <p>Sends a {@code WRITE} request for command 1.
   */
  public void extra(int amount) {
    SmpClient.await(extraAsync(amount));
  }

  /**
   * As {@link #extra}, without blocking.
   */
  public CompletableFuture<Void> extraAsync(int amount) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(1);
    out.key("amount");
    out.integer(amount);
    out.endMap();
    return client.sendAsync(Op.WRITE, GROUP_ID, 1, out.toByteArray())
        .thenApply(response -> {
          ResponseErrors.check(response.payload(), ExtendedMgmtError::forCode);
          return null;
        });
  }
}
