package io.mcumgr4j.simulator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.settings.SettingsMgmtError;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

  @TempDir
  Path dir;
  private Path file;
  private SettingsStore store;

  @BeforeEach
  void create() {
    file = dir.resolve("settings.bin");
    store = newStore();
  }

  private SettingsStore newStore() {
    return new SettingsStore(file, Set.of("app", "net"), 16, 8);
  }

  @Test
  void writeAndReadWorkOnMemory() {
    store.write("app/a", new byte[] {1, 2});
    store.write("net/b", new byte[0]);

    assertThat(store.read("app/a")).containsExactly(1, 2);
    assertThat(store.read("net/b")).isEmpty();
    assertThat(store.values()).containsOnlyKeys("app/a", "net/b");
    assertThat(file).doesNotExist();
  }

  @Test
  void deleteRemovesFromTheFileAtOnceAndLeavesMemory() {
    store.write("app/a", new byte[] {1});
    store.write("app/b", new byte[] {2});
    store.save();

    store.delete("app/a");

    assertThat(store.read("app/a")).containsExactly(1);   // RAM keeps it, as on Zephyr
    SettingsStore next = newStore();
    next.reload();
    assertThat(next.values()).containsOnlyKeys("app/b");
    store.reload();                                        // a restart finds it gone
    assertThat(store.values()).containsOnlyKeys("app/b");
  }

  @Test
  void deleteOfANameNotStoredIsNoErrorAndAsksNoHandler() throws Exception {
    store.delete("app/none");                              // no file
    assertThat(file).doesNotExist();

    store.write("app/a", new byte[] {1});
    store.save();
    byte[] before = Files.readAllBytes(file);
    store.delete("app/none");
    store.delete("vec/key");                               // no root check: settings_delete asks no handler
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void deleteChecksTheNameAndFailsOnACorruptFile() throws Exception {
    assertThatThrownBy(() -> store.delete(""))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
    assertThatThrownBy(() -> store.delete("app/" + "n".repeat(12)))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isSameAs(SettingsMgmtError.KEY_TOO_LONG));
    Files.write(file, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> store.delete("app/a"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(SettingsFile.CorruptFileException.class);
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
  }

  @Test
  void valuesAreCopiedInAndOut() {
    byte[] value = {1, 2};
    store.write("app/a", value);
    value[0] = 9;
    store.read("app/a")[1] = 9;

    assertThat(store.read("app/a")).containsExactly(1, 2);
  }

  @Test
  void aNameIsItsRootOrUnderIt() {
    store.write("app", new byte[] {1});
    store.write("app/x/y/z", new byte[] {2});

    assertThat(store.read("app")).containsExactly(1);
    assertThat(store.read("app/x/y/z")).containsExactly(2);
    assertRootNotFound(() -> store.write("application/x", new byte[] {3}));
    assertRootNotFound(() -> store.read("vec/key"));
    assertRootNotFound(() -> store.write("/app", new byte[] {4}));
  }

  @Test
  void nameAndValueLimits() {
    store.write("app/" + "n".repeat(11), new byte[8]);  // 15 bytes, 8 bytes

    assertThatThrownBy(() -> store.write("app/" + "n".repeat(12), new byte[1]))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isSameAs(SettingsMgmtError.KEY_TOO_LONG));
    assertThatThrownBy(() -> store.read("app/" + "é".repeat(6)))   // 16 UTF-8 bytes
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isSameAs(SettingsMgmtError.KEY_TOO_LONG));
    assertThatThrownBy(() -> store.write("app/big", new byte[9]))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isSameAs(SettingsMgmtError.UNKNOWN));
    assertThatThrownBy(() -> store.read(""))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
    assertKeyNotFound(() -> store.read("app/none"));
  }

  @Test
  void memoryIsBoundedInEntriesAndBytes() {
    SettingsStore small = new SettingsStore(file, Set.of("app"), 8, 8, 2, 20);
    small.write("app/a", new byte[4]);                     // 5 + 4 = 9 bytes
    small.write("app/b", new byte[4]);                     // 18 bytes

    assertFull(() -> small.write("app/c", new byte[0]));   // a third entry
    small.write("app/b", new byte[6]);                     // replacing: 20 bytes
    assertFull(() -> small.write("app/b", new byte[7]));   // 21 bytes
    assertThat(small.read("app/b")).hasSize(6);
    assertThat(small.values()).containsOnlyKeys("app/a", "app/b");
  }

  @Test
  void aSubtreeSavePastTheBoundsIsRefused() throws Exception {
    SettingsStore small = new SettingsStore(file, Set.of("app", "net"), 16, 8, 2, 100);
    small.write("app/a", new byte[] {1});
    small.write("app/b", new byte[] {2});
    small.save();
    small.reload();
    small.erase();                                         // file gone, memory keeps a and b
    small.write("app/a", new byte[] {1});
    small.save("app/a");                                   // file: a
    SettingsStore other = new SettingsStore(file, Set.of("app", "net"), 16, 8, 2, 100);
    other.reload();
    other.write("net/x", new byte[] {9});
    other.save("net");                                     // file: a, net/x
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> small.save("app/b"))          // a, b and net/x: three
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("full");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aLoadSkipsWhatMemoryHasNoRoomFor() {
    SettingsStore small = new SettingsStore(file, Set.of("app"), 16, 8, 2, 100);
    small.write("app/a", new byte[] {1});
    small.write("app/b", new byte[] {2});
    small.save();
    small.erase();
    SettingsStore other = new SettingsStore(file, Set.of("app"), 16, 8, 2, 100);
    other.write("app/c", new byte[] {3});
    other.save();                                          // file: c; memory: a, b

    small.load();

    assertThat(small.values()).containsOnlyKeys("app/a", "app/b");
    small.reload();
    assertThat(small.values()).containsOnlyKeys("app/c");
  }

  @Test
  void aSaveSurvivesANewStoreOnTheSameFile() {
    store.write("app/a", new byte[] {1});
    store.write("net/b", new byte[] {2, 3});
    store.save();

    SettingsStore next = newStore();
    assertThat(next.values()).isEmpty();
    next.reload();

    assertThat(next.read("app/a")).containsExactly(1);
    assertThat(next.read("net/b")).containsExactly(2, 3);
  }

  @Test
  void aWriteWithoutSaveDoesNotSurviveReload() {
    store.write("app/kept", new byte[] {1});
    store.save();
    store.write("app/lost", new byte[] {2});
    store.write("app/kept", new byte[] {3});

    store.reload();

    assertThat(store.values()).containsOnlyKeys("app/kept");
    assertThat(store.read("app/kept")).containsExactly(1);
  }

  @Test
  void loadLaysStoredValuesOverMemory() {
    store.write("app/a", new byte[] {1});
    store.save();
    store.write("app/a", new byte[] {2});
    store.write("app/only-ram", new byte[] {3});

    store.load();

    assertThat(store.read("app/a")).containsExactly(1);
    assertThat(store.read("app/only-ram")).containsExactly(3);
  }

  @Test
  void aSaveAfterADeletePutsTheValueBackFromMemory() {
    store.write("app/a", new byte[] {1});
    store.save();
    store.delete("app/a");

    store.save();   // memory still has it, and settings_save exports what the handlers hold
    store.reload();

    assertThat(store.read("app/a")).containsExactly(1);
  }

  @Test
  void saveOfASubtreePersistsOnlyThatSubtree() {
    store.write("app/a/1", new byte[] {1});
    store.write("app/b", new byte[] {2});
    store.save();
    store.write("app/a/1", new byte[] {11});
    store.write("app/a", new byte[] {10});
    store.write("app/ab", new byte[] {12});
    store.write("app/b", new byte[] {22});
    store.write("net/c", new byte[] {3});

    store.save("app/a");
    store.reload();

    assertThat(store.read("app/a/1")).containsExactly(11);
    assertThat(store.read("app/a")).containsExactly(10);
    assertThat(store.read("app/b")).containsExactly(2);
    assertKeyNotFound(() -> store.read("app/ab"));
    assertKeyNotFound(() -> store.read("net/c"));
  }

  @Test
  void saveOfASubtreeReplacesWhatTheFileHoldsOfIt() {
    SettingsStore other = newStore();
    other.write("app/a/1", new byte[] {1});
    other.write("app/a/3", new byte[] {3});
    other.write("app/b", new byte[] {2});
    other.save();

    store.write("app/a/1", new byte[] {11});   // this store never loaded: the file is what counts
    store.write("app/a/2", new byte[] {12});
    store.save("app/a");
    store.reload();

    assertThat(store.values()).containsOnlyKeys("app/a/1", "app/a/2", "app/b");
    assertThat(store.read("app/a/1")).containsExactly(11);
  }

  @Test
  void saveOfASubtreeWithoutValuesChangesNothing() {
    store.write("app/a", new byte[] {1});
    store.save();

    store.save("vec");
    store.reload();

    assertThat(store.values()).containsOnlyKeys("app/a");
    assertThatThrownBy(() -> store.save(""))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(3));
  }

  @Test
  void aFailedSaveKeepsFileAndMemoryAndLeavesNoTemporaryFile() throws Exception {
    store.write("app/a", new byte[] {1});
    Files.createDirectories(file.resolve("occupied"));   // the file's name is taken by a directory

    assertThatThrownBy(() -> store.save()).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString());

    assertThat(store.read("app/a")).containsExactly(1);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void noFileLoadsNothingAndReloadsAsEmpty() {
    store.write("app/a", new byte[] {1});

    store.load();
    assertThat(store.values()).containsOnlyKeys("app/a");

    store.reload();
    assertThat(store.values()).isEmpty();
  }

  @Test
  void corruptFilesAreRefusedAndMemoryIsKept() throws Exception {
    store.write("app/a", new byte[] {1, 2, 3});
    store.write("app/b", new byte[] {4});
    store.save();
    byte[] good = Files.readAllBytes(file);
    store.write("app/memory", new byte[] {7});

    for (byte[] content : SettingsFileTest.damaged(good)) {
      Files.write(file, content);
      assertThatThrownBy(() -> store.load())
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(SettingsFile.CorruptFileException.class)
          .hasMessageContaining(file.toString());
      assertThat(store.values()).containsOnlyKeys("app/a", "app/b", "app/memory");
    }

    Files.write(file, good);
    store.load();
    assertThat(store.values()).containsOnlyKeys("app/a", "app/b", "app/memory");
  }

  @Test
  void aCorruptFileIsClearedByErase() throws Exception {
    Files.write(file, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> store.reload()).isInstanceOf(UncheckedIOException.class);

    store.erase();
    store.reload();

    assertThat(store.values()).isEmpty();
  }

  @Test
  void eraseDeletesTheFileAndLeavesMemoryUntilAReload() {
    store.write("app/a", new byte[] {1});
    store.save();
    store.write("app/b", new byte[] {2});

    store.erase();

    assertThat(file).doesNotExist();
    assertThat(store.values()).containsOnlyKeys("app/a", "app/b");
    store.reload();
    assertThat(store.values()).isEmpty();
    store.erase();   // nothing to erase is fine
  }

  @Test
  void aFailedEraseKeepsMemory() throws Exception {
    store.write("app/a", new byte[] {1});
    Files.createDirectories(file.resolve("occupied"));

    assertThatThrownBy(() -> store.erase()).isInstanceOf(UncheckedIOException.class);

    assertThat(store.read("app/a")).containsExactly(1);
  }

  @Test
  void commitsAndLoadsAreCounted() {
    assertThat(store.commitCount()).isZero();
    store.commit();
    store.commit();
    assertThat(store.commitCount()).isEqualTo(2);

    store.load();   // settings_load commits what it loaded
    assertThat(store.commitCount()).isEqualTo(3);

    store.reload(); // a restart starts counting again, then loads
    assertThat(store.commitCount()).isEqualTo(1);
  }

  @Test
  void constructorChecksRootsAndLimits() {
    assertThatThrownBy(() -> new SettingsStore(file, Set.of("a/b"), 32, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SettingsStore(file, Set.of(""), 32, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SettingsStore(file, Set.of("a"), 1, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SettingsStore(file, Set.of("a"), 32, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SettingsStore(file, Set.of("a"), 32, 32, 0, 1000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SettingsStore(file, Set.of("a"), 32, 32, 1, 62))   // no room for 31 + 32
        .isInstanceOf(IllegalArgumentException.class);
    SettingsStore defaults = new SettingsStore(file, Set.of("a"), SettingsStore.DEFAULT_MAX_NAME_LENGTH,
        SettingsStore.DEFAULT_MAX_VALUE_LENGTH);
    assertThat(defaults.maxNameLength()).isEqualTo(32);
    assertThat(defaults.maxValueLength()).isEqualTo(32);
    assertThat(defaults.maxEntries()).isEqualTo(SettingsStore.DEFAULT_MAX_ENTRIES);
    assertThat(defaults.maxBytes()).isEqualTo(SettingsStore.DEFAULT_MAX_BYTES);
    assertThat(defaults.roots()).containsExactly("a");
    assertThat(defaults.file()).isEqualTo(file);
  }

  private static void assertFull(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.UNKNOWN));
  }

  private static void assertKeyNotFound(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.KEY_NOT_FOUND));
  }

  private static void assertRootNotFound(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(GroupErrorException.class,
        e -> assertThat(e.error()).isSameAs(SettingsMgmtError.ROOT_KEY_NOT_FOUND));
  }
}
