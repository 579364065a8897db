package io.mcumgr4j.gatt;

import java.util.UUID;

/** Zephyr's SMP GATT service and its one characteristic (write without response, notify). */
public final class SmpService {

  /** The SMP service, {@code 8D53DC1D-1DB7-4CD3-868B-8A527460AA84}. */
  public static final UUID SERVICE = UUID.fromString("8D53DC1D-1DB7-4CD3-868B-8A527460AA84");

  /** The SMP characteristic, {@code DA2E7828-FBCE-4E01-AE9E-261174997C48}. */
  public static final UUID CHARACTERISTIC = UUID.fromString("DA2E7828-FBCE-4E01-AE9E-261174997C48");

  private SmpService() {}
}
