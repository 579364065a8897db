package io.mcumgr4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Event ids numbered as Zephyr's {@code MGMT_DEF_EVT_OP_ID} / {@code MGMT_DEF_EVT_OP_ALL}. */
class MgmtEventIdsTest {

  @Test
  void smpEventsHaveZephyrsIds() {
    assertThat(MgmtEventIds.CMD_RECV).isEqualTo(0x0001_0001);
    assertThat(MgmtEventIds.CMD_STATUS).isEqualTo(0x0001_0002);
    assertThat(MgmtEventIds.CMD_DONE).isEqualTo(0x0001_0004);
    assertThat(MgmtEventIds.ALL).isEqualTo(0x0000_FFFF);
  }

  @Test
  void eventGroupsHaveZephyrsNumbers() {
    assertThat(new int[] {
        MgmtEventIds.GROUP_ALL, MgmtEventIds.GROUP_SMP, MgmtEventIds.GROUP_OS, MgmtEventIds.GROUP_IMG,
        MgmtEventIds.GROUP_FS, MgmtEventIds.GROUP_SETTINGS, MgmtEventIds.GROUP_ENUM,
        MgmtEventIds.GROUP_USER_CUSTOM_START})
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 64);
  }

  @ParameterizedTest(name = "id({0}, {1}) = {2}")
  @CsvSource({"2, 0, 0x00020001", "3, 5, 0x00030020", "64, 15, 0x00408000", "65535, 15, 0xFFFF8000"})
  void idIsGroupShiftedPlusBit(int group, int bit, String expected) {
    int id = MgmtEventIds.id(group, bit);

    assertThat(id).isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
    assertThat(MgmtEventIds.group(id)).isEqualTo(group);
    assertThat(MgmtEventIds.bits(id)).isEqualTo(1 << bit);
  }

  @Test
  void allOfSetsEveryBitOfTheGroup() {
    assertThat(MgmtEventIds.allOf(MgmtEventIds.GROUP_IMG)).isEqualTo(0x0003_FFFF);
    assertThat(MgmtEventIds.allOf(MgmtEventIds.GROUP_ALL)).isEqualTo(MgmtEventIds.ALL);
  }

  @ParameterizedTest(name = "id({0}, {1})")
  @CsvSource({"-1, 0", "65536, 0", "1, -1", "1, 16"})
  void idRejectsOutOfRangeArguments(int group, int bit) {
    assertThatThrownBy(() -> MgmtEventIds.id(group, bit)).isInstanceOf(IllegalArgumentException.class);
  }
}
