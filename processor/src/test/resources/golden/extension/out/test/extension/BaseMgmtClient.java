package test.extension;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.Responses;
import io.mcumgr4j.client.SmpClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Typed client of the {@code base} group (id 70), declared by {@link BaseMgmt}. Blocking methods throw
 * {@code MgmtException} for an {@code rc} error, {@code GroupErrorException} (carrying a {@link BaseMgmtError}) for
 * a group error, and the {@code SmpClient}'s timeout and transport exceptions; the {@code *Async}
 * variants complete exceptionally with the same.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class BaseMgmtClient {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 70;

  private final SmpClient client;

  /**
   * @param client the connection to the device
   */
  public BaseMgmtClient(SmpClient client) {
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
        .thenApply(response -> Responses.decode(response.payload(), BaseMgmtError::forCode,
            BaseMgmtCodec::readInfo));
  }
}
