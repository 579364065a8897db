package io.mcumgr4j.bluez;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.freedesktop.dbus.types.Variant;

/**
 * The device to connect to: its address, or the name it advertises (BlueZ's {@code Name}, or the
 * {@code Alias} a user gave it), since a device with a random address is easier to name.
 */
public final class BluezTarget {

  private static final Pattern ADDRESS = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");

  private final String address;
  private final String name;

  private BluezTarget(String address, String name) {
    this.address = address;
    this.name = name;
  }

  /** The device with this address, {@code AA:BB:CC:DD:EE:FF}. */
  public static BluezTarget address(String address) {
    if (!ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException("not a Bluetooth address (AA:BB:CC:DD:EE:FF): " + address);
    }
    return new BluezTarget(address.toUpperCase(Locale.ROOT), null);
  }

  /** The device advertising this name. */
  public static BluezTarget name(String name) {
    return new BluezTarget(null, Objects.requireNonNull(name, "name"));
  }

  /** An address if the text is one, else a name: what a user types. */
  public static BluezTarget parse(String text) {
    return ADDRESS.matcher(text).matches() ? address(text) : name(text);
  }

  /** Whether a {@code org.bluez.Device1}'s properties are this device's. */
  boolean matches(Map<String, Variant<?>> device) {
    if (address != null) {
      return address.equalsIgnoreCase(String.valueOf(value(device, "Address")));
    }
    return name.equals(value(device, "Name")) || name.equals(value(device, "Alias"));
  }

  static Object value(Map<String, Variant<?>> properties, String name) {
    Variant<?> value = properties.get(name);
    return value == null ? null : value.getValue();
  }

  @Override
  public String toString() {
    return address != null ? address : "\"" + name + "\"";
  }
}
