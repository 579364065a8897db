package io.mcumgr4j.bluez;

import io.mcumgr4j.gatt.Fragments;
import io.mcumgr4j.gatt.SmpService;
import io.mcumgr4j.transport.ble.GattLink;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.types.Variant;

/**
 * A {@link GattLink} over BlueZ's D-Bus API, the Linux Bluetooth stack: finds the device (scanning
 * if BlueZ does not know it yet), connects, and speaks to its SMP characteristic with {@code
 * WriteValue} as write commands and {@code StartNotify} with the characteristic's {@code Value}
 * changes as notifications. It reads BlueZ's objects through {@code GetManagedObjects} alone and
 * polls it while waiting, so that it needs no more of BlueZ than these few calls.
 */
public final class BluezGattLink implements GattLink {

  private static final String ADAPTER = "org.bluez.Adapter1";
  private static final String DEVICE = "org.bluez.Device1";
  private static final String SERVICE = "org.bluez.GattService1";
  private static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";
  private static final long POLL_MILLIS = 100;
  private static final Map<String, Variant<?>> WRITE_COMMAND = Map.of("type", new Variant<>("command"));

  private final DBusConnection bus;
  private final Bluez.Device1 device;
  private final Bluez.GattCharacteristic1 characteristic;
  private final int attMtu;
  private final String address;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile AutoCloseable notifications;

  private BluezGattLink(
      DBusConnection bus, Bluez.Device1 device, Bluez.GattCharacteristic1 characteristic, int attMtu, String address) {
    this.bus = bus;
    this.device = device;
    this.characteristic = characteristic;
    this.attMtu = attMtu;
    this.address = address;
  }

  /**
   * Connects to the target's SMP characteristic through BlueZ on the system bus.
   *
   * @param timeout how long to scan for a device BlueZ does not know yet, and again how long to wait
   *     for its services once connected
   */
  public static BluezGattLink connect(BluezTarget target, Duration timeout) throws IOException {
    return connect(DBusConnectionBuilder.forSystemBus(), target, timeout);
  }

  /** As {@link #connect(BluezTarget, Duration)}, through the bus at {@code busAddress}. */
  public static BluezGattLink connect(String busAddress, BluezTarget target, Duration timeout) throws IOException {
    return connect(DBusConnectionBuilder.forAddress(busAddress), target, timeout);
  }

  private static BluezGattLink connect(DBusConnectionBuilder builder, BluezTarget target, Duration timeout)
      throws IOException {
    DBusConnection bus;
    try {
      // one signal thread keeps notifications in the order they came
      bus = builder.withShared(false).receivingThreadConfig().withSignalThreadCount(1).connectionConfig().build();
    } catch (DBusException e) {
      throw new BluezException("the D-Bus bus cannot be reached: " + e.getMessage(), e);
    }
    try {
      return open(bus, target, timeout);
    } catch (IOException | RuntimeException e) {
      closeQuietly(bus);
      throw e;
    }
  }

  private static BluezGattLink open(DBusConnection bus, BluezTarget target, Duration timeout) throws IOException {
    try {
      DBus daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
      if (!daemon.NameHasOwner(Bluez.BUS_NAME)) {
        throw new BluezException("BlueZ is not running: no " + Bluez.BUS_NAME + " on the bus (start bluetoothd)");
      }
      ObjectManager objects = bus.getRemoteObject(Bluez.BUS_NAME, "/", ObjectManager.class);
      String adapter = find(objects(objects), ADAPTER, "", p -> true);
      if (adapter == null) {
        throw new BluezException("no Bluetooth adapter: BlueZ has no " + ADAPTER);
      }
      String devicePath = findDevice(bus, objects, adapter, target, timeout);
      Bluez.Device1 device = bus.getRemoteObject(Bluez.BUS_NAME, devicePath, Bluez.Device1.class);
      try {
        device.Connect();
      } catch (DBusExecutionException e) {
        throw new BluezException("connecting to " + target + " failed: " + e.getMessage(), e);
      }
      try {
        Map.Entry<String, Map<String, Variant<?>>> characteristic =
            awaitCharacteristic(objects, devicePath, target, timeout);
        Object mtu = BluezTarget.value(characteristic.getValue(), "MTU");
        return new BluezGattLink(
            bus,
            device,
            bus.getRemoteObject(Bluez.BUS_NAME, characteristic.getKey(), Bluez.GattCharacteristic1.class),
            mtu instanceof Number n ? n.intValue() : Fragments.MIN_ATT_MTU,
            target.toString());
      } catch (IOException | RuntimeException | DBusException e) {
        disconnectQuietly(device);
        throw e;
      }
    } catch (DBusException | DBusExecutionException e) {
      throw new BluezException("BlueZ failed: " + e.getMessage(), e);
    }
  }

  private static String findDevice(
      DBusConnection bus, ObjectManager objects, String adapter, BluezTarget target, Duration timeout)
      throws DBusException, BluezException {
    String path = find(objects(objects), DEVICE, adapter + "/", target::matches);
    if (path != null) {
      return path;
    }
    Bluez.Adapter1 scanner = bus.getRemoteObject(Bluez.BUS_NAME, adapter, Bluez.Adapter1.class);
    scanner.StartDiscovery();
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (path == null && System.nanoTime() < deadline) {
        pause();
        path = find(objects(objects), DEVICE, adapter + "/", target::matches);
      }
    } finally {
      try {
        scanner.StopDiscovery();
      } catch (DBusExecutionException e) {
        // another client may still be scanning, or the adapter stopped on its own
      }
    }
    if (path == null) {
      throw new BluezException("device " + target + " not found within " + timeout.toMillis() + " ms");
    }
    return path;
  }

  /**
   * Waits for the device's {@code ServicesResolved}, as BlueZ lists a device's GATT objects only
   * once it has discovered them, then finds the SMP characteristic: its path and properties.
   */
  private static Map.Entry<String, Map<String, Variant<?>>> awaitCharacteristic(
      ObjectManager objects, String device, BluezTarget target, Duration timeout) throws BluezException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Map<String, Map<String, Variant<?>>>> all = objects(objects);
    while (!Boolean.TRUE.equals(BluezTarget.value(properties(all, device, DEVICE), "ServicesResolved"))) {
      if (System.nanoTime() >= deadline) {
        throw new BluezException(
            "the services of " + target + " were not resolved within " + timeout.toMillis() + " ms");
      }
      pause();
      all = objects(objects);
    }
    Map<String, Map<String, Map<String, Variant<?>>>> resolved = all;
    String path = find(all, CHARACTERISTIC, device + "/", c -> uuid(c, SmpService.CHARACTERISTIC)
        && BluezTarget.value(c, "Service") instanceof DBusPath service
        && uuid(properties(resolved, service.getPath(), SERVICE), SmpService.SERVICE));
    if (path == null) {
      throw new BluezException("device " + target + " has no SMP service (" + SmpService.SERVICE + ")");
    }
    return Map.entry(path, all.get(path).get(CHARACTERISTIC));
  }

  private static boolean uuid(Map<String, Variant<?>> properties, UUID uuid) {
    return uuid.toString().equalsIgnoreCase(String.valueOf(BluezTarget.value(properties, "UUID")));
  }

  /** One interface's properties of one object, none if the object or the interface is gone. */
  private static Map<String, Variant<?>> properties(
      Map<String, Map<String, Map<String, Variant<?>>>> all, String path, String iface) {
    return all.getOrDefault(path, Map.of()).getOrDefault(iface, Map.of());
  }

  /** The first object under {@code prefix} with the interface whose properties pass. */
  private static String find(
      Map<String, Map<String, Map<String, Variant<?>>>> all, String iface, String prefix,
      Predicate<Map<String, Variant<?>>> test) {
    return all.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && e.getValue().containsKey(iface))
        .filter(e -> test.test(e.getValue().get(iface)))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElse(null);
  }

  /** BlueZ's objects, keyed by the path's text, as prefixes and the {@code Service} property are compared. */
  private static Map<String, Map<String, Map<String, Variant<?>>>> objects(ObjectManager objects) {
    Map<String, Map<String, Map<String, Variant<?>>>> byPath = new HashMap<>();
    objects.GetManagedObjects().forEach((path, interfaces) -> byPath.put(path.getPath(), interfaces));
    return byPath;
  }

  private static void pause() throws BluezException {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BluezException("interrupted while waiting for BlueZ", e);
    }
  }

  @Override
  public int attMtu() {
    return attMtu;
  }

  @Override
  public void write(byte[] value) throws IOException {
    if (closed.get()) {
      throw new IOException("the link to " + address + " is closed");
    }
    try {
      characteristic.WriteValue(value, WRITE_COMMAND);
    } catch (DBusExecutionException e) {
      throw new IOException("writing to " + address + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void subscribe(Consumer<byte[]> values) throws IOException {
    try {
      notifications = bus.addSigHandler(PropertiesChanged.class, characteristic, changed -> {
        Variant<?> value = changed.getPropertiesChanged().get("Value");
        if (CHARACTERISTIC.equals(changed.getInterfaceName())
            && value != null
            && value.getValue() instanceof List<?> bytes) {
          values.accept(bytes(bytes));
        }
      });
      characteristic.StartNotify();
    } catch (DBusException | DBusExecutionException e) {
      throw new BluezException("notifications from " + address + " could not be enabled: " + e.getMessage(), e);
    }
  }

  /** dbus-java hands a variant's {@code ay} over as a list of bytes. */
  private static byte[] bytes(List<?> list) {
    byte[] bytes = new byte[list.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ((Number) list.get(i)).byteValue();
    }
    return bytes;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (notifications != null) {
        notifications.close();
      }
      characteristic.StopNotify();
    } catch (Exception e) {
      // the device may be gone already; disconnecting is what matters
    }
    disconnectQuietly(device);
    closeQuietly(bus);
  }

  private static void disconnectQuietly(Bluez.Device1 device) {
    try {
      device.Disconnect();
    } catch (DBusExecutionException e) {
      // already disconnected, or BlueZ went away: nothing left to undo
    }
  }

  private static void closeQuietly(DBusConnection bus) {
    try {
      bus.close();
    } catch (IOException e) {
      // the connection is dropped either way
    }
  }
}
