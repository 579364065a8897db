package io.mcumgr4j.simulator.settings;

import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.settings.SettingsMgmt;
import io.mcumgr4j.groups.settings.SettingsMgmtError;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The settings group (3) of a simulated device, serving a {@link SettingsStore} as Zephyr's {@code
 * settings_mgmt.c} serves the settings subsystem. Each command checks in Zephyr's order: the
 * request decodes (else {@code EINVAL}, done by the dispatcher); the name is not empty ({@code
 * EINVAL}) and shorter than the store's {@link SettingsStore#maxNameLength()} UTF-8 bytes ({@code
 * KEY_TOO_LONG}); the {@link SettingsEvents#ACCESS access hook} allows it (its failure is the
 * answer); then the store acts, and its failures are the answer:
 *
 * <ul>
 *   <li>read: at most {@code max_size} bytes of the value, {@code max_size} defaulting to the
 *       store's {@link SettingsStore#maxValueLength()}; a request asking for more than that limit
 *       is capped to it and the response then carries {@code max_size} = the limit. A longer value
 *       is cut to the size (Zephyr passes the size to the handler, which copies what fits).
 *   <li>write: {@link SettingsStore#write}; a name under a root without handler is {@code
 *       ROOT_KEY_NOT_FOUND}, as seen in Zephyr 4.4.0; a value the store has no room for is {@code
 *       UNKNOWN}, as a handler's {@code -ENOMEM}.
 *   <li>delete: {@link SettingsStore#delete}, from storage only and for any root, as Zephyr's
 *       {@code settings_delete}; a name not stored succeeds. A file that cannot be read or written
 *       answers {@code UNKNOWN}, what Zephyr maps a backend's failure to.
 *   <li>commit: {@link SettingsStore#commit()}; {@code {}}.
 *   <li>load: {@link SettingsStore#load()}, stored values laid over memory; {@code {}}. Zephyr ignores what {@code settings_load}
 *       returns; here an unreadable or corrupt file answers {@code UNKNOWN} and memory stays as it
 *       was, so a test sees the fault.
 *   <li>save: all, or the subtree {@code name}; a file that cannot be written, or a save past the
 *       store's bounds (a full backend), answers {@code SAVE_NOT_SUPPORTED}, what Zephyr 4.4.0
 *       answered when its {@code settings_save} failed.
 * </ul>
 */
public final class SimulatedSettingsMgmt implements SettingsMgmt {

  private final SettingsStore store;
  private final MgmtCallbacks callbacks;

  /**
   * @param store the settings
   * @param callbacks the event bus the access hook fires on (the server's)
   */
  public SimulatedSettingsMgmt(SettingsStore store, MgmtCallbacks callbacks) {
    this.store = Objects.requireNonNull(store, "store");
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  @Override
  public Value read(String name, OptionalLong maxSize) {
    store.checkName(name);
    long limit = store.maxValueLength();
    boolean capped = maxSize.isPresent() && maxSize.getAsLong() > limit;
    long size = capped ? limit : maxSize.orElse(limit);
    access(SettingsEvents.Access.READ, name, null);
    byte[] value = store.read(name);
    return new Value(
        value.length > size ? Arrays.copyOf(value, (int) size) : value,
        capped ? OptionalLong.of(limit) : OptionalLong.empty());
  }

  @Override
  public void write(String name, byte[] value) {
    store.checkName(name);
    access(SettingsEvents.Access.WRITE, name, value.clone());
    store.write(name, value);
  }

  @Override
  public void delete(String name) {
    store.checkName(name);
    access(SettingsEvents.Access.DELETE, name, null);
    try {
      store.delete(name);
    } catch (UncheckedIOException e) {
      throw new GroupErrorException(SettingsMgmtError.UNKNOWN, e.getMessage());
    }
  }

  @Override
  public void commit() {
    access(SettingsEvents.Access.COMMIT, null, null);
    store.commit();
  }

  @Override
  public void load() {
    access(SettingsEvents.Access.LOAD, null, null);
    try {
      store.load();
    } catch (UncheckedIOException e) {
      throw new GroupErrorException(SettingsMgmtError.UNKNOWN, e.getMessage());
    }
  }

  @Override
  public void save(String name) {
    if (name != null) {
      store.checkName(name);
    }
    access(SettingsEvents.Access.SAVE, name, null);
    try {
      if (name == null) {
        store.save();
      } else {
        store.save(name);
      }
    } catch (UncheckedIOException e) {
      throw new GroupErrorException(SettingsMgmtError.SAVE_NOT_SUPPORTED, e.getMessage());
    }
  }

  /** Fires the access hook; a listener's failure becomes the command's answer. */
  private void access(SettingsEvents.Access access, String name, byte[] value) {
    if (callbacks.hasListeners(SettingsEvents.ACCESS)) {
      callbacks.notify(SettingsEvents.ACCESS, new SettingsEvents.AccessEvent(access, name, value)).throwIfFailed();
    }
  }
}
