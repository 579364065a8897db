package io.mcumgr4j.bluez;

import io.mcumgr4j.gatt.Fragments;
import io.mcumgr4j.gatt.SmpService;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.ble.GattPeripheral;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;

/**
 * BlueZ as its D-Bus API documents it, on a private bus: an ObjectManager at {@code /}, the adapter
 * {@code /org/bluez/hci0}, devices below it and, once connected, their GATT services and
 * characteristics. The SMP characteristic hands write commands to a {@link GattPeripheral} over a
 * real {@link SmpServer} and sends its notifications as {@code PropertiesChanged(Value)}, as BlueZ
 * does. Every method called is recorded in {@link #calls}.
 */
final class FakeBluez implements AutoCloseable {

  static final String ADAPTER_PATH = "/org/bluez/hci0";

  /** The methods called, as {@code Interface.Method}, in order. */
  final List<String> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger notifications = new AtomicInteger();

  private final DBusConnection bus;
  private final SmpServer server;
  private final Map<String, FakeObject> objects = new ConcurrentHashMap<>();
  private final List<Device> onDiscovery = new CopyOnWriteArrayList<>();

  /** @param adapter whether there is a controller at all */
  FakeBluez(String busAddress, SmpServer server, boolean adapter) throws DBusException {
    this.server = server;
    this.bus = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
    bus.exportObject("/", new Root());
    if (adapter) {
      export(new Adapter());
    }
    bus.requestBusName(Bluez.BUS_NAME);
  }

  /** What {@code Device1.Connect} does. */
  enum OnConnect {
    /** Connects and resolves the services. */
    RESOLVE,
    /** Connects but never resolves the services. */
    NEVER_RESOLVE,
    /** Fails, as a device out of range does. */
    FAIL
  }

  /**
   * A device BlueZ already knows.
   *
   * @param mtu the SMP characteristic's MTU property, 0 for a BlueZ older than 5.62 without it
   * @param smp whether it has the SMP service, else only a battery service
   */
  void device(String address, String name, int mtu, boolean smp, OnConnect onConnect) throws DBusException {
    export(new Device(address, name, mtu, smp, onConnect));
  }

  /** A device that appears, with the SMP service, only once discovery starts. */
  void deviceOnDiscovery(String address, String name, int mtu) {
    onDiscovery.add(new Device(address, name, mtu, true, OnConnect.RESOLVE));
  }

  private void export(FakeObject object) throws DBusException {
    bus.exportObject(object.path, object);
    objects.put(object.path, object);
    bus.sendMessage(new ObjectManager.InterfacesAdded("/", new DBusPath(object.path), object.interfaces));
  }

  @Override
  public void close() throws IOException {
    bus.close();
  }

  /** An object's interfaces with their properties, and those properties through Properties. */
  private abstract static class FakeObject implements Properties {
    final String path;
    final Map<String, Map<String, Variant<?>>> interfaces = new ConcurrentHashMap<>();

    FakeObject(String path) {
      this.path = path;
    }

    void set(String iface, String name, Object value) {
      interfaces.computeIfAbsent(iface, i -> new ConcurrentHashMap<>()).put(name, new Variant<>(value));
    }

    @Override
    public String getObjectPath() {
      return path;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String iface, String name) {
      return (A) GetAll(iface).get(name).getValue();
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
      throw new DBusExecutionException(name + " is read-only here");
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
      return interfaces.getOrDefault(iface, Map.of());
    }
  }

  private final class Root implements ObjectManager {
    @Override
    public Map<DBusPath, Map<String, Map<String, Variant<?>>>> GetManagedObjects() {
      calls.add("ObjectManager.GetManagedObjects");
      Map<DBusPath, Map<String, Map<String, Variant<?>>>> all = new ConcurrentHashMap<>();
      objects.forEach((path, object) -> all.put(new DBusPath(path), object.interfaces));
      return all;
    }

    @Override
    public String getObjectPath() {
      return "/";
    }
  }

  private final class Adapter extends FakeObject implements Bluez.Adapter1 {
    Adapter() {
      super(ADAPTER_PATH);
      set("org.bluez.Adapter1", "Address", "00:11:22:33:44:55");
      set("org.bluez.Adapter1", "Powered", true);
    }

    @Override
    public void StartDiscovery() {
      calls.add("Adapter1.StartDiscovery");
      try {
        for (Device device : onDiscovery) {
          export(device);
        }
      } catch (DBusException e) {
        throw new DBusExecutionException(e.getMessage(), e);
      }
    }

    @Override
    public void StopDiscovery() {
      calls.add("Adapter1.StopDiscovery");
    }
  }

  private final class Device extends FakeObject implements Bluez.Device1 {
    private final String address;
    private final int mtu;
    private final boolean smp;
    private final OnConnect onConnect;

    Device(String address, String name, int mtu, boolean smp, OnConnect onConnect) {
      super(ADAPTER_PATH + "/dev_" + address.replace(':', '_'));
      this.address = address;
      this.mtu = mtu;
      this.smp = smp;
      this.onConnect = onConnect;
      set("org.bluez.Device1", "Address", address);
      set("org.bluez.Device1", "Name", name);
      set("org.bluez.Device1", "Alias", name);
      set("org.bluez.Device1", "Adapter", new DBusPath(ADAPTER_PATH));
      set("org.bluez.Device1", "Connected", false);
      set("org.bluez.Device1", "ServicesResolved", false);
    }

    @Override
    public void Connect() {
      calls.add("Device1.Connect");
      if (onConnect == OnConnect.FAIL) {
        throw new DBusExecutionException("le-connection-abort-by-local");
      }
      set("org.bluez.Device1", "Connected", true);
      if (onConnect == OnConnect.NEVER_RESOLVE) {
        return;
      }
      try {
        String service = path + "/service0010";
        export(new Service(service, smp ? SmpService.SERVICE.toString() : "0000180f-0000-1000-8000-00805f9b34fb"));
        if (smp) {
          export(new Characteristic(service + "/char0011", service, address, mtu));
        }
      } catch (DBusException e) {
        throw new DBusExecutionException(e.getMessage(), e);
      }
      set("org.bluez.Device1", "ServicesResolved", true);
    }

    @Override
    public void Disconnect() {
      calls.add("Device1.Disconnect");
      set("org.bluez.Device1", "Connected", false);
      set("org.bluez.Device1", "ServicesResolved", false);
    }
  }

  private static final class Service extends FakeObject implements Bluez.GattService1 {
    Service(String path, String uuid) {
      super(path);
      set("org.bluez.GattService1", "UUID", uuid.toLowerCase());
      set("org.bluez.GattService1", "Primary", true);
    }
  }

  private final class Characteristic extends FakeObject implements Bluez.GattCharacteristic1 {
    private final GattPeripheral peripheral;
    private volatile boolean notifying;

    Characteristic(String path, String service, String peer, int mtu) {
      super(path);
      set("org.bluez.GattCharacteristic1", "UUID", SmpService.CHARACTERISTIC.toString().toLowerCase());
      set("org.bluez.GattCharacteristic1", "Service", new DBusPath(service));
      if (mtu > 0) {
        set("org.bluez.GattCharacteristic1", "MTU", new UInt16(mtu));
      }
      this.peripheral = new GattPeripheral(server, mtu > 0 ? mtu : Fragments.MIN_ATT_MTU, peer, this::notify);
    }

    private void notify(byte[] value) throws IOException {
      if (!notifying) {
        throw new IOException("notifications are off");
      }
      notifications.incrementAndGet();
      try {
        bus.sendMessage(new Properties.PropertiesChanged(
            path, "org.bluez.GattCharacteristic1", Map.of("Value", new Variant<>(value)), List.of()));
      } catch (DBusException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void WriteValue(byte[] value, Map<String, Variant<?>> options) {
      calls.add("GattCharacteristic1.WriteValue");
      Variant<?> type = options.get("type");
      if (type == null || !"command".equals(type.getValue())) {
        throw new DBusExecutionException("only write commands here, not " + options);
      }
      writes.incrementAndGet();
      peripheral.written(value);
    }

    @Override
    public void StartNotify() {
      calls.add("GattCharacteristic1.StartNotify");
      notifying = true;
    }

    @Override
    public void StopNotify() {
      calls.add("GattCharacteristic1.StopNotify");
      notifying = false;
    }
  }
}
