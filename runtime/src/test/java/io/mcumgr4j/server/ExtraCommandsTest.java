package io.mcumgr4j.server;

import static io.mcumgr4j.server.Packets.bytes;
import static io.mcumgr4j.server.Packets.header;
import static io.mcumgr4j.server.Packets.message;
import static io.mcumgr4j.server.TestGroups.CMD_EMPTY_SLOT;
import static io.mcumgr4j.server.TestGroups.CMD_WRITE_ONLY;
import static io.mcumgr4j.server.TestGroups.TEST_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole extended group registered beside the group it extends answers only what it adds. */
class ExtraCommandsTest {

  private static final int V2 = 1;
  private static final byte[] EMPTY_MAP = bytes("a0");

  private final SmpServer server = new SmpServer();

  @AfterEach
  void close() {
    server.close();
  }

  /** The test group's commands and the extension's one, as the dispatcher of an extending interface has them. */
  private static final class Extended implements GroupHandler {
    final TestGroups.TestGroup base = new TestGroups.TestGroup();
    final TestGroups.ExtensionGroup added = new TestGroups.ExtensionGroup();
    final AtomicInteger baseCalls = new AtomicInteger();

    @Override
    public int groupId() {
      return TEST_GROUP;
    }

    @Override
    public String name() {
      return "extended";
    }

    @Override
    public int commandSlots() {
      return Math.max(base.commandSlots(), added.commandSlots());
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      CommandHandler h = added.handler(id, op);
      if (h != null) {
        return h;
      }
      CommandHandler inherited = base.handler(id, op);
      return inherited == null ? null : (ctx, in, out) -> {
        baseCalls.incrementAndGet();
        inherited.handle(ctx, in, out);
      };
    }
  }

  @Test
  void registersOnlyTheCommandsNoRegistrationAnswers() {
    TestGroups.TestGroup builtIn = new TestGroups.TestGroup();
    server.register(builtIn);
    Extended extended = new Extended();

    ExtraCommands extra = ExtraCommands.register(server, extended);

    assertThat(extra.commandIds()).containsExactly(CMD_EMPTY_SLOT);
    assertThat(server.groups(TEST_GROUP)).containsExactly(builtIn, extra);
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 1, CMD_EMPTY_SLOT, EMPTY_MAP)))
        .containsExactly(header(1, V2, 7, TEST_GROUP, 1, CMD_EMPTY_SLOT) + "bf63657874f5ff");
    // an inherited command still goes to the registration that was there
    Packets.process(server, message(2, V2, TEST_GROUP, 2, CMD_WRITE_ONLY, EMPTY_MAP));
    assertThat(builtIn.writeOnlyCalls).hasValue(1);
    assertThat(extended.baseCalls).hasValue(0);
  }

  @Test
  void aGroupThatAddsNothingIsRefused() {
    server.register(new TestGroups.TestGroup());
    server.register(new TestGroups.ExtensionGroup());

    assertThatThrownBy(() -> ExtraCommands.register(server, new Extended()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adds no command to group " + TEST_GROUP);
  }

  @Test
  void ofAnswersTheNamedCommandsAndRefusesOnesTheGroupLacks() {
    ExtraCommands only = ExtraCommands.of(new Extended(), CMD_EMPTY_SLOT);
    assertThat(only.handler(CMD_EMPTY_SLOT, Op.READ)).isNotNull();
    assertThat(only.handler(CMD_WRITE_ONLY, Op.WRITE)).isNull();
    assertThat(only.name()).isEqualTo("extended");

    assertThatThrownBy(() -> ExtraCommands.of(new Extended(), 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no command 200");
  }
}
