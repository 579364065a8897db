package io.mcumgr4j.samples.kitchensink;

import static io.mcumgr4j.samples.testing.Wire.hex;
import static io.mcumgr4j.samples.testing.Wire.map;
import static io.mcumgr4j.samples.testing.Wire.rcResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Point;
import io.mcumgr4j.samples.testing.Connection;
import io.mcumgr4j.samples.testing.Link;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.RequestContext;
import io.mcumgr4j.server.SmpServer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A group extended two ways: by an interface that extends the group's ({@link KitchenSinkPlus},
 * one dispatcher for all commands), and by a second registration under the same group id that
 * fills only the new command's slot.
 */
class KitchenSinkPlusTest {

  private final SmpServer server = new SmpServer();

  @AfterEach
  void close() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void extendingInterfaceServesInheritedAndNewCommands(Link link) throws Exception {
    KitchenSinkPlusDispatcher dispatcher = new KitchenSinkPlusDispatcher(new PlusEcho());
    assertThat(dispatcher.groupId()).isEqualTo(KitchenSinkDispatcher.GROUP_ID);
    assertThat(dispatcher.commandSlots()).isEqualTo(21);
    server.register(dispatcher);

    try (Connection c = link.open(server)) {
      KitchenSinkPlusClient plus = new KitchenSinkPlusClient(c.client());
      assertThat(plus.sum(List.of(1L, -2L, Long.MAX_VALUE - 1)).total()).isEqualTo(Long.MAX_VALUE - 2);
      assertThat(plus.echo("ö").text()).isEqualTo("ö");
      assertThat(plus.optionals(4, Optional.empty(), Optional.of(new Point(1, 2)), OptionalInt.empty(),
          OptionalLong.of(9), OptionalDouble.empty()).point()).contains(new Point(1, 2));
      plus.writeSetting("k", new byte[] {1, 2});
      assertThat(plus.readSetting("k").value()).containsExactly(1, 2);
      assertThatThrownBy(() -> plus.readSetting("none"))
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isSameAs(KitchenSinkPlusError.NO_SUCH_SETTING));
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void secondRegistrationFillsOnlyTheNewSlot(Link link) throws Exception {
    server.register(new KitchenSinkDispatcher(new KitchenSinkEcho()));
    server.register(new SumOnly());
    assertThat(server.groups(KitchenSinkDispatcher.GROUP_ID)).hasSize(2);

    try (Connection c = link.open(server)) {
      KitchenSinkPlusClient plus = new KitchenSinkPlusClient(c.client());
      assertThat(plus.sum(List.of(40L, 2L)).total()).isEqualTo(42);
      assertThat(plus.sum(List.of()).total()).isZero();
      assertThat(plus.echo("base").text()).isEqualTo("base");
      assertThat(new KitchenSinkClient(c.client()).echo("base too").text()).isEqualTo("base too");
      assertThat(hex(c.client().send(Op.WRITE, KitchenSinkDispatcher.GROUP_ID, 20, map(0, w -> { })).payload()))
          .isEqualTo(rcResponse(8));
      assertThat(hex(c.client().send(Op.READ, KitchenSinkDispatcher.GROUP_ID, 15, map(0, w -> { })).payload()))
          .isEqualTo(rcResponse(8));
    }
  }

  @Test
  void registrationsMayNotShareASlot() {
    server.register(new KitchenSinkDispatcher(new KitchenSinkEcho()));
    server.register(new SumOnly());

    assertThatThrownBy(() -> server.register(new KitchenSinkPlusDispatcher(new PlusEcho())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command 0 of group 100");
  }

  /** The extended group's implementation: the base echo and a sum. */
  private static final class PlusEcho extends KitchenSinkEcho implements KitchenSinkPlus {
    @Override
    public Sum sum(List<Long> values) {
      return new Sum(values.stream().mapToLong(Long::longValue).sum());
    }
  }

  /** Command 20 of group 100 written by hand on the server API, wire-compatible with {@link KitchenSinkPlus#sum}. */
  private static final class SumOnly implements GroupHandler {

    private final CommandHandler sum = SumOnly::sum;

    @Override
    public int groupId() {
      return KitchenSinkDispatcher.GROUP_ID;
    }

    @Override
    public String name() {
      return "kitchen sink";
    }

    @Override
    public int commandSlots() {
      return 21;
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      return id == 20 && op == Op.READ ? sum : null;
    }

    private static void sum(RequestContext ctx, CborReader in, CborWriter out) {
      long total = 0;
      in.beginMap();
      for (String key = in.nextKey(); key != null; key = in.nextKey()) {
        if (key.equals("values")) {
          in.beginArray();
          while (in.hasNextItem()) {
            total += in.int64();
          }
        } else {
          in.skipValue();
        }
      }
      out.key("total").integer(total);
    }
  }
}
