package io.mcumgr4j.groups.settings;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import java.util.OptionalLong;

/**
 * Zephyr's settings group (3): {@code smp_group_3.rst}. Read and write share command 0, load and
 * save command 3, told apart by the op.
 */
@MgmtGroup(id = 3, name = "settings mgmt", eventGroup = 5,
    errors = {
        @ErrorCode(value = 2, name = "KEY_TOO_LONG", legacy = MgmtErr.EINVAL, doc = "The name is too long"),
        @ErrorCode(value = 3, name = "KEY_NOT_FOUND", legacy = MgmtErr.ENOENT, doc = "No setting of that name"),
        @ErrorCode(value = 4, name = "READ_NOT_SUPPORTED", legacy = MgmtErr.ENOENT, doc = "The setting cannot be read"),
        @ErrorCode(value = 5, name = "ROOT_KEY_NOT_FOUND", doc = "No handler for the name's root"),
        @ErrorCode(value = 6, name = "WRITE_NOT_SUPPORTED", doc = "The setting cannot be written"),
        @ErrorCode(value = 7, name = "DELETE_NOT_SUPPORTED", doc = "The setting cannot be deleted"),
        @ErrorCode(value = 8, name = "SAVE_NOT_SUPPORTED", doc = "Saving is not supported"),
        @ErrorCode(value = 9, name = "SAVE_FAILED_VALUE_TOO_LONG_TO_READ", doc = "A value was too long to save")
    })
public interface SettingsMgmt {

  /** Reads a setting's value, at most {@code max_size} bytes of it. */
  @Command(id = 0, ops = Op.READ)
  Value read(@Param("name") String name, @Param(value = "max_size", required = false) @Uint OptionalLong maxSize);

  /** Writes a setting (in memory; {@link #save} persists). */
  @Command(id = 0, ops = Op.WRITE)
  void write(@Param("name") String name, @Param("val") byte[] value);

  /** Deletes a setting. */
  @Command(id = 1, ops = Op.WRITE)
  void delete(@Param("name") String name);

  /** Commits the settings written so far (the handlers apply them). */
  @Command(id = 2, ops = Op.WRITE)
  void commit();

  /** Loads the settings from storage. */
  @Command(id = 3, ops = Op.READ)
  void load();

  /** Saves the settings to storage, all or the subtree {@code name}. */
  @Command(id = 3, ops = Op.WRITE)
  void save(@Param(value = "name", required = false) String name);

  /**
   * Response of {@link #read}.
   *
   * @param value the value's bytes (their type is the client's business)
   * @param maxSize the device's limit, sent when the request asked for more
   */
  record Value(@Field("val") byte[] value, @Field("max_size") @Uint OptionalLong maxSize) {}
}
