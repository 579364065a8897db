package io.mcumgr4j.bluez;

import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of BlueZ's D-Bus API ({@code doc/org.bluez.*.rst}) that {@link BluezGattLink} calls,
 * as dbus-java proxies it; public because dbus-java makes proxies of these interfaces. Properties
 * are read through {@code org.freedesktop.DBus.ObjectManager.GetManagedObjects}.
 */
public final class Bluez {

  /** BlueZ's name on the system bus. */
  public static final String BUS_NAME = "org.bluez";

  private Bluez() {}

  /** A local Bluetooth controller, {@code /org/bluez/hci0}. */
  @DBusInterfaceName("org.bluez.Adapter1")
  public interface Adapter1 extends DBusInterface {
    void StartDiscovery();

    void StopDiscovery();
  }

  /** A remote device that BlueZ knows of, {@code /org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF}. */
  @DBusInterfaceName("org.bluez.Device1")
  public interface Device1 extends DBusInterface {
    void Connect();

    void Disconnect();
  }

  /** A remote device's GATT service; the adapter reads only its {@code UUID} property. */
  @DBusInterfaceName("org.bluez.GattService1")
  public interface GattService1 extends DBusInterface {}

  /** A remote device's GATT characteristic; its {@code Value} changes as notifications come. */
  @DBusInterfaceName("org.bluez.GattCharacteristic1")
  public interface GattCharacteristic1 extends DBusInterface {
    /** {@code options} {@code {"type": "command"}} makes it a write without response. */
    void WriteValue(byte[] value, Map<String, Variant<?>> options);

    void StartNotify();

    void StopNotify();
  }
}
