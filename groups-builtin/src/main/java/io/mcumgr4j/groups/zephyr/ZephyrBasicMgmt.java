package io.mcumgr4j.groups.zephyr;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;

/**
 * Zephyr's basic group (63, {@code ZEPHYR_MGMT_GRP_BASIC}): {@code smp_group_63.rst}. The v1
 * translations of codes 3 and 4 are {@code EOK}, as Zephyr's {@code basic_mgmt.c} codes them.
 */
@MgmtGroup(id = 63, name = "zephyr basic mgmt",
    errors = {
        @ErrorCode(value = 2, name = "FLASH_OPEN_FAILED", legacy = MgmtErr.ENOENT, doc = "The storage could not be opened"),
        @ErrorCode(value = 3, name = "FLASH_CONFIG_QUERY_FAIL", legacy = MgmtErr.EOK, doc = "The storage layout could not be read"),
        @ErrorCode(value = 4, name = "FLASH_ERASE_FAILED", legacy = MgmtErr.EOK, doc = "Erasing the storage failed")
    })
public interface ZephyrBasicMgmt {

  /** Erases the storage partition (the settings store). */
  @Command(id = 0, ops = Op.WRITE)
  void eraseStorage();
}
