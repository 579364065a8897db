package io.mcumgr4j.simulator.zephyr;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmt;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtError;
import io.mcumgr4j.simulator.settings.SettingsStore;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The Zephyr basic group (63) of a simulated device: erase storage wipes the simulated {@code
 * storage_partition}, the settings store's file ({@link SettingsStore#erase()}). Values in memory
 * stay, as RAM does on a board, until a restart loads from the now empty storage. A file that cannot be deleted answers {@link
 * ZephyrBasicMgmtError#FLASH_ERASE_FAILED}: {@code err: {group: 63, rc: 4}} for v2 requests; v1
 * requests get Zephyr's translation, {@code EOK}, so the response carries the {@code err} map and
 * no {@code rc} (what Zephyr's {@code basic_mgmt.c} does).
 */
public final class SimulatedZephyrBasicMgmt implements ZephyrBasicMgmt {

  private final SettingsStore store;

  /**
   * @param store the settings the storage partition holds
   */
  public SimulatedZephyrBasicMgmt(SettingsStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void eraseStorage() {
    try {
      store.erase();
    } catch (UncheckedIOException e) {
      throw new GroupErrorException(ZephyrBasicMgmtError.FLASH_ERASE_FAILED, e.getMessage());
    }
  }
}
