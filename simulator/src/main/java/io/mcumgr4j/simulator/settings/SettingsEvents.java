package io.mcumgr4j.simulator.settings;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;

/**
 * The settings access hook (Zephyr's {@code MGMT_EVT_OP_SETTINGS_MGMT_ACCESS},
 * {@code CONFIG_MCUMGR_GRP_SETTINGS_ACCESS_HOOK}): {@link SimulatedSettingsMgmt} fires {@link
 * #ACCESS} on every settings command once its request decoded and its name passed the length
 * checks, before it acts. A listener lets the command go on or fails it: {@code
 * CallbackResult.rc(...)} answers {@code {rc}}, {@code CallbackResult.groupError(...)} answers
 * {@code err: {group, rc}} (v1 clients get that group's translation).
 *
 * <pre>{@code
 * SettingsEvents.onAccess(server.callbacks(), (event, previous) ->
 *     event.access() == SettingsEvents.Access.WRITE && event.name().startsWith("app/locked/")
 *         ? CallbackResult.rc(MgmtErr.EACCESSDENIED) : CallbackResult.OK);
 * }</pre>
 *
 * <p>Zephyr lets a listener rewrite the name to redirect the access; here the event is read-only.
 */
public final class SettingsEvents {

  /** The access event: event group {@code SETTINGS} (5), bit 0; data {@link AccessEvent}. */
  public static final int ACCESS = MgmtEventIds.id(MgmtEventIds.GROUP_SETTINGS, 0);

  private SettingsEvents() {}

  /** The kind of access, with Zephyr's {@code enum settings_mgmt_access_types} codes. */
  public enum Access {
    /** Read of one setting (command 0, read). */
    READ(0),
    /** Write of one setting (command 0, write). */
    WRITE(1),
    /** Delete of one setting (command 1). */
    DELETE(2),
    /** Commit (command 2). */
    COMMIT(3),
    /** Load from storage (command 3, read). */
    LOAD(4),
    /** Save to storage, all or a subtree (command 3, write). */
    SAVE(5);

    private final int code;

    Access(int code) {
      this.code = code;
    }

    /** Zephyr's {@code SETTINGS_ACCESS_*} value. */
    public int code() {
      return code;
    }
  }

  /**
   * What is being accessed (Zephyr's {@code struct settings_mgmt_access}).
   *
   * @param access the kind of access
   * @param name the setting's name for read, write and delete, the subtree for a save of one;
   *     {@code null} for commit, load and a save of everything
   * @param value the value a write would store (a copy); {@code null} for every other access
   */
  public record AccessEvent(Access access, String name, byte[] value) {}

  /** Listens to {@link #ACCESS}. */
  @FunctionalInterface
  public interface AccessListener {
    /**
     * @param event the access
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to allow the access, or a failure to deny it
     */
    CallbackResult onAccess(AccessEvent event, CallbackResult previous);
  }

  /** Registers {@code listener} for {@link #ACCESS}; close the registration to remove it. */
  public static MgmtCallbacks.Registration onAccess(MgmtCallbacks callbacks, AccessListener listener) {
    return callbacks.register(ACCESS, (event, data, previous) -> listener.onAccess((AccessEvent) data, previous));
  }
}
