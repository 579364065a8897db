package io.mcumgr4j.server;

import static io.mcumgr4j.server.Packets.bytes;
import static io.mcumgr4j.server.Packets.header;
import static io.mcumgr4j.server.Packets.message;
import static io.mcumgr4j.server.Packets.rcResponse;
import static io.mcumgr4j.server.TestGroups.CMD_EMPTY_SLOT;
import static io.mcumgr4j.server.TestGroups.CMD_GROUP_ERROR;
import static io.mcumgr4j.server.TestGroups.CMD_WRITE_ONLY;
import static io.mcumgr4j.server.TestGroups.TEST_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registration rules: several registrations may share a group id, never a command id. */
class RegistryTest {

  private static final int V1 = 0;
  private static final int V2 = 1;
  private static final byte[] EMPTY_MAP = bytes("a0");
  /** {ext: true}. */
  private static final String EXT = "bf63657874f5ff";

  private final SmpServer server = new SmpServer();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void aSecondRegistrationAddsTheCommandsTheFirstLacks() {
    TestGroups.TestGroup first = new TestGroups.TestGroup();
    TestGroups.ExtensionGroup second = new TestGroups.ExtensionGroup();
    server.register(first);
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 1, CMD_EMPTY_SLOT, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V2, TEST_GROUP, 1, CMD_EMPTY_SLOT, 8));

    server.register(second);

    assertThat(server.groups()).containsExactly(first, second);
    assertThat(server.groups(TEST_GROUP)).containsExactly(first, second);
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 2, CMD_EMPTY_SLOT, EMPTY_MAP)))
        .containsExactly(header(1, V2, 7, TEST_GROUP, 2, CMD_EMPTY_SLOT) + EXT);
    // the first registration still serves its own commands
    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 3, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(header(3, V2, 2, TEST_GROUP, 3, CMD_WRITE_ONLY) + "bfff");
    assertThat(first.writeOnlyCalls).hasValue(1);
    // the extension has no write handler in its slot: ENOTSUP, no further lookup
    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 4, CMD_EMPTY_SLOT, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V2, TEST_GROUP, 4, CMD_EMPTY_SLOT, 8));
  }

  @Test
  void lookupFallsThroughAnEarlierRegistrationsEmptySlots() {
    // extension first: its slots 0..5 are empty, so the full group behind it answers them
    server.register(new TestGroups.ExtensionGroup());
    server.register(new TestGroups.TestGroup());

    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 1, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(header(3, V2, 2, TEST_GROUP, 1, CMD_WRITE_ONLY) + "bfff");
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 2, CMD_EMPTY_SLOT, EMPTY_MAP)))
        .containsExactly(header(1, V2, 7, TEST_GROUP, 2, CMD_EMPTY_SLOT) + EXT);
  }

  @Test
  void v1TranslationComesFromTheFirstRegistrationOfTheGroupId() {
    // as Zephyr's mgmt_find_error_translation_function: the first group with the id; the
    // extension has no table, so NOT_WANTED becomes EUNKNOWN rather than EACCESSDENIED
    server.register(new TestGroups.ExtensionGroup());
    server.register(new TestGroups.TestGroup());
    assertThat(Packets.process(server, message(2, V1, TEST_GROUP, 1, CMD_GROUP_ERROR, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V1, TEST_GROUP, 1, CMD_GROUP_ERROR, 1));
  }

  @Test
  void theSameCommandIdTwiceIsRejected() {
    TestGroups.TestGroup first = new TestGroups.TestGroup();
    TestGroups.ExtensionGroup extension = new TestGroups.ExtensionGroup();
    server.register(first);
    server.register(extension);

    assertThatThrownBy(() -> server.register(new TestGroups.TestGroup()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command 0 of group 64");
    assertThatThrownBy(() -> server.register(new TestGroups.ExtensionGroup()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command 6 of group 64");
    // a clash of a read-only slot with a write-only slot is a clash too
    assertThatThrownBy(() -> server.register(singleCommand(TEST_GROUP, CMD_WRITE_ONLY, Op.READ)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(server.groups()).containsExactly(first, extension);
  }

  @Test
  void theSameCommandIdUnderAnotherGroupIdIsFine() {
    server.register(new TestGroups.TestGroup());
    GroupHandler other = singleCommand(TEST_GROUP + 1, 0, Op.READ);
    server.register(other);
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP + 1, 1, 0, EMPTY_MAP)))
        .containsExactly(header(1, V2, 2, TEST_GROUP + 1, 1, 0) + "bfff");
  }

  @Test
  void unregisterRemovesOnlyThatRegistration() {
    TestGroups.TestGroup first = new TestGroups.TestGroup();
    TestGroups.ExtensionGroup extension = new TestGroups.ExtensionGroup();
    server.register(first);
    server.register(extension);

    server.unregister(extension);
    assertThat(server.groups()).containsExactly(first);
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 1, CMD_EMPTY_SLOT, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V2, TEST_GROUP, 1, CMD_EMPTY_SLOT, 8));

    // its command id is free again
    server.register(new TestGroups.ExtensionGroup());
    server.unregister(first);
    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 2, CMD_WRITE_ONLY, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V2, TEST_GROUP, 2, CMD_WRITE_ONLY, 8));
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 3, CMD_EMPTY_SLOT, EMPTY_MAP)))
        .containsExactly(header(1, V2, 7, TEST_GROUP, 3, CMD_EMPTY_SLOT) + EXT);

    // unregistering what is not registered changes nothing
    server.unregister(first);
    assertThat(server.groups()).hasSize(1);
  }

  private static GroupHandler singleCommand(int group, int command, Op op) {
    return new GroupHandler() {
      @Override
      public int groupId() {
        return group;
      }

      @Override
      public String name() {
        return "single";
      }

      @Override
      public int commandSlots() {
        return command + 1;
      }

      @Override
      public CommandHandler handler(int id, Op wanted) {
        return id == command && wanted == op ? (ctx, in, out) -> { } : null;
      }
    };
  }
}
