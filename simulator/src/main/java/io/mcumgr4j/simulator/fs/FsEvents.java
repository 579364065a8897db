package io.mcumgr4j.simulator.fs;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;

/**
 * The file access hook (Zephyr's {@code MGMT_EVT_OP_FS_MGMT_FILE_ACCESS}, {@code
 * CONFIG_MCUMGR_GRP_FS_FILE_ACCESS_HOOK}): {@link SimulatedFsMgmt} fires {@link #FILE_ACCESS} when
 * an upload or download request starts a new transfer (another path, direction or link than the
 * open one) and on every status and hash request, once the request decoded and passed its length
 * checks, before the file is looked at. A listener lets the command go on or fails it: {@code
 * CallbackResult.rc(...)} answers {@code {rc}}, {@code CallbackResult.groupError(...)} answers
 * {@code err: {group, rc}} (v1 clients get that group's translation).
 *
 * <pre>{@code
 * FsEvents.onFileAccess(server.callbacks(), (event, previous) ->
 *     event.access() == FsEvents.Access.WRITE && event.path().startsWith("/lfs1/config/")
 *         ? CallbackResult.rc(MgmtErr.EACCESSDENIED) : CallbackResult.OK);
 * }</pre>
 *
 * <p>Zephyr lets a listener rewrite the path to redirect the access; here the event is read-only.
 */
public final class FsEvents {

  /** The file access event: event group {@code FS} (4), bit 0; data {@link FileAccessEvent}. */
  public static final int FILE_ACCESS = MgmtEventIds.id(MgmtEventIds.GROUP_FS, 0);

  private FsEvents() {}

  /** The kind of access, with Zephyr's {@code enum fs_mgmt_file_access_types} codes. */
  public enum Access {
    /** Download (command 0, read). */
    READ(0),
    /** Upload (command 0, write). */
    WRITE(1),
    /** Status (command 1). */
    STATUS(2),
    /** Hash or checksum (command 2). */
    HASH(3);

    private final int code;

    Access(int code) {
      this.code = code;
    }

    /** Zephyr's {@code FS_MGMT_FILE_ACCESS_*} value. */
    public int code() {
      return code;
    }
  }

  /**
   * What is being accessed (Zephyr's {@code struct fs_mgmt_file_access}).
   *
   * @param access the kind of access
   * @param path the device path as the request named it (not yet checked: an invalid or missing
   *     path fails after the hook, as in Zephyr)
   */
  public record FileAccessEvent(Access access, String path) {}

  /** Listens to {@link #FILE_ACCESS}. */
  @FunctionalInterface
  public interface FileAccessListener {
    /**
     * @param event the access
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to allow the access, or a failure to deny it
     */
    CallbackResult onFileAccess(FileAccessEvent event, CallbackResult previous);
  }

  /** Registers {@code listener} for {@link #FILE_ACCESS}; close the registration to remove it. */
  public static MgmtCallbacks.Registration onFileAccess(MgmtCallbacks callbacks, FileAccessListener listener) {
    return callbacks.register(FILE_ACCESS,
        (event, data, previous) -> listener.onFileAccess((FileAccessEvent) data, previous));
  }
}
