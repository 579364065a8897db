package io.mcumgr4j.server;

import static io.mcumgr4j.server.Packets.bytes;
import static io.mcumgr4j.server.Packets.header;
import static io.mcumgr4j.server.Packets.message;
import static io.mcumgr4j.server.Packets.rcResponse;
import static io.mcumgr4j.server.TestGroups.CMD_GROUP_ERROR;
import static io.mcumgr4j.server.TestGroups.CMD_KEY_THEN_GROUP_ERROR;
import static io.mcumgr4j.server.TestGroups.TEST_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group errors: {@code err:{group, rc}} for v2 requests, the group's translated {@code rc} for v1. */
class GroupErrorTest {

  private static final int V1 = 0;
  private static final int V2 = 1;
  private static final byte[] EMPTY_MAP = bytes("a0");
  /** err:{group:64, rc:<rc>} inside the response map, as Zephyr's smp_add_cmd_err writes it. */
  private static final String ERR_64 = "63657272" + "bf" + "6567726f7570" + "1840" + "627263";

  private final SmpServer server = TestGroups.server(ServerConfig.DEFAULT);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void groupErrorExceptionIsTheErrMapAloneForV2() {
    // the handler wrote "partial" before throwing: discarded
    String payload = "bf" + ERR_64 + "02" + "ff" + "ff";
    assertThat(payload).isEqualTo("bf63657272bf6567726f7570184062726302ffff");

    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 1, CMD_GROUP_ERROR, EMPTY_MAP)))
        .containsExactly(header(1, V2, 20, TEST_GROUP, 1, CMD_GROUP_ERROR) + payload);
    assertThat(Packets.process(server, message(2, V2, TEST_GROUP, 2, CMD_GROUP_ERROR, EMPTY_MAP)))
        .containsExactly(header(3, V2, 20, TEST_GROUP, 2, CMD_GROUP_ERROR) + payload);
  }

  @Test
  void groupErrorExceptionIsTheTranslatedRcForV1() {
    // NOT_WANTED -> EACCESSDENIED (11)
    assertThat(Packets.process(server, message(2, V1, TEST_GROUP, 3, CMD_GROUP_ERROR, EMPTY_MAP)))
        .containsExactly(rcResponse(3, V1, TEST_GROUP, 3, CMD_GROUP_ERROR, 11));
  }

  @Test
  void writeGroupErrorKeepsTheOtherKeysForV2() {
    // {len:5, err:{group:64, rc:3}}
    String payload = "bf" + "636c656e05" + ERR_64 + "03" + "ff" + "ff";
    assertThat(Packets.process(server, message(0, V2, TEST_GROUP, 4, CMD_KEY_THEN_GROUP_ERROR, EMPTY_MAP)))
        .containsExactly(header(1, V2, payload.length() / 2, TEST_GROUP, 4, CMD_KEY_THEN_GROUP_ERROR) + payload);
  }

  @Test
  void writeGroupErrorIsTheTranslatedRcAloneForV1() {
    // TOO_LATE -> ETIMEOUT (4); the other keys are not sent
    assertThat(Packets.process(server, message(0, V1, TEST_GROUP, 5, CMD_KEY_THEN_GROUP_ERROR, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V1, TEST_GROUP, 5, CMD_KEY_THEN_GROUP_ERROR, 4));
  }

  @Test
  void v1TranslationOfAGroupWithoutATableIsEunknown() {
    server.register(new TestGroups.FailingGroup(300, 7));
    assertThat(Packets.process(server, message(0, V1, 300, 6, 0, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V1, 300, 6, 0, 1));
    // and v2 gets the raw numbers: {err:{group:300, rc:7}}
    String payload = "bf63657272bf6567726f757019012c62726307ffff";
    assertThat(Packets.process(server, message(0, V2, 300, 7, 0, EMPTY_MAP)))
        .containsExactly(header(1, V2, payload.length() / 2, 300, 7, 0) + payload);
  }

  @Test
  void v1TranslationUsesTheGroupOfTheError() {
    // a handler of group 300 reporting an error of group 64: translated by group 64's table
    server.register(new GroupHandler() {
      @Override
      public int groupId() {
        return 300;
      }

      @Override
      public String name() {
        return "foreign";
      }

      @Override
      public int commandSlots() {
        return 1;
      }

      @Override
      public CommandHandler handler(int id, Op op) {
        return (ctx, in, out) -> {
          throw new GroupErrorException(TestGroups.TestError.TOO_LATE);
        };
      }
    });
    assertThat(Packets.process(server, message(0, V1, 300, 8, 0, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V1, 300, 8, 0, 4));
    String payload = "bf" + ERR_64 + "03ffff";
    assertThat(Packets.process(server, message(0, V2, 300, 9, 0, EMPTY_MAP)))
        .containsExactly(header(1, V2, payload.length() / 2, 300, 9, 0) + payload);
  }

  @Test
  void groupErrorCodesAboveAByteAreWrittenAsUint16() {
    server.register(new TestGroups.FailingGroup(1000, 0x1234));
    String payload = "bf63657272bf6567726f75701903e8627263191234ffff";
    assertThat(Packets.process(server, message(2, V2, 1000, 10, 9, EMPTY_MAP)))
        .containsExactly(header(3, V2, payload.length() / 2, 1000, 10, 9) + payload);
  }

  @Test
  void groupErrorRcZeroIsNotAnError() {
    assertThat(GroupError.of(64, 0).rc()).isZero();
    server.register(new GroupHandler() {
      @Override
      public int groupId() {
        return 301;
      }

      @Override
      public String name() {
        return "zero";
      }

      @Override
      public int commandSlots() {
        return 1;
      }

      @Override
      public CommandHandler handler(int id, Op op) {
        return (ctx, in, out) -> {
          out.key("x").uint(1);
          ctx.writeGroupError(out, 301, 0); // as smp_add_cmd_err: rc 0 writes nothing
        };
      }
    });
    assertThat(Packets.process(server, message(0, V1, 301, 11, 0, EMPTY_MAP)))
        .containsExactly(header(1, V1, 5, 301, 11, 0) + "bf617801ff");
    assertThat(Packets.process(server, message(0, V2, 301, 12, 0, EMPTY_MAP)))
        .containsExactly(header(1, V2, 5, 301, 12, 0) + "bf617801ff");
  }

  @Test
  void aV1GroupErrorTranslatedToEokGoesOutAsWritten() {
    server.register(new EokGroup());
    // Zephyr translates some group errors to EOK (zephyr_basic's erase): the v1 client gets the
    // response as written, {x:1, err:{group:302, rc:4}}
    String written = "bf" + "617801" + "63657272bf6567726f757019012e62726304ff" + "ff";
    assertThat(Packets.process(server, message(0, V1, EokGroup.ID, 13, EokGroup.KEY_THEN_ERROR, EMPTY_MAP)))
        .containsExactly(header(1, V1, written.length() / 2, EokGroup.ID, 13, EokGroup.KEY_THEN_ERROR) + written);
    // {err:{group:302, rc:4}, len:5}: the exception's entries too
    String thrown = "bf" + "63657272bf6567726f757019012e62726304ff" + "636c656e05" + "ff";
    assertThat(Packets.process(server, message(0, V1, EokGroup.ID, 14, EokGroup.THROW_WITH_ENTRIES, EMPTY_MAP)))
        .containsExactly(header(1, V1, thrown.length() / 2, EokGroup.ID, 14, EokGroup.THROW_WITH_ENTRIES) + thrown);
  }

  @Test
  void aFailureAfterAWrittenGroupErrorIsAnsweredWithItsOwnRc() {
    // the group error's translation (EACCESSDENIED for v1) does not hide the later EBADSTATE
    server.register(new EokGroup());
    assertThat(Packets.process(server, message(0, V1, EokGroup.ID, 15, EokGroup.ERROR_THEN_FAIL, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V1, EokGroup.ID, 15, EokGroup.ERROR_THEN_FAIL, 6));
    assertThat(Packets.process(server, message(0, V2, EokGroup.ID, 16, EokGroup.ERROR_THEN_FAIL, EMPTY_MAP)))
        .containsExactly(rcResponse(1, V2, EokGroup.ID, 16, EokGroup.ERROR_THEN_FAIL, 6));
  }

  /** A group whose error 4 translates to EOK for v1, and error 5 to EACCESSDENIED. */
  private static final class EokGroup implements GroupHandler {
    static final int ID = 302;
    static final int KEY_THEN_ERROR = 0;
    static final int THROW_WITH_ENTRIES = 1;
    static final int ERROR_THEN_FAIL = 2;

    @Override
    public int groupId() {
      return ID;
    }

    @Override
    public String name() {
      return "eok";
    }

    @Override
    public int commandSlots() {
      return 3;
    }

    @Override
    public CommandHandler handler(int id, Op op) {
      return switch (id) {
        case KEY_THEN_ERROR -> (ctx, in, out) -> {
          out.key("x").uint(1);
          ctx.writeGroupError(out, ID, 4);
        };
        case THROW_WITH_ENTRIES -> (ctx, in, out) -> {
          throw new GroupErrorException(GroupError.of(ID, 4)).withEntries(e -> e.uint("len", 5));
        };
        case ERROR_THEN_FAIL -> (ctx, in, out) -> {
          ctx.writeGroupError(out, ID, 5);
          throw new MgmtException(MgmtErr.EBADSTATE, "after the group error");
        };
        default -> null;
      };
    }

    @Override
    public MgmtErr translateError(int rc) {
      return rc == 4 ? MgmtErr.EOK : MgmtErr.EACCESSDENIED;
    }
  }
}
