package io.mcumgr4j.simulator.stat;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.stat.StatMgmt;
import io.mcumgr4j.groups.stat.StatMgmtError;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics group (2) of a simulated device, reporting a {@link StatRegistry} as Zephyr
 * 4.4.0's {@code stat_mgmt.c} reports its statistics:
 *
 * <ul>
 *   <li>show: a name that is empty or of {@link #MAX_NAME_LENGTH} UTF-8 bytes or more answers
 *       {@code EINVAL} (Zephyr copies it into a buffer of that size with its terminating NUL); an
 *       unknown name answers {@link StatMgmtError#INVALID_STAT_NAME} (seen in 4.4.0:
 *       {@code err: {group: 2, rc: 3}}, v1 {@code ENOENT}); otherwise the name as it was asked
 *       for and every counter in creation order.
 *   <li>Counter values go out as their low 32 bits: Zephyr reads 16, 32 and 64-bit statistics but
 *       encodes each with {@code zcbor_uint32_put}, which cuts a 64-bit value to its low half.
 *   <li>list: every group's name in creation order ({@code stat_list}, no {@code rc}, as 4.4.0
 *       sends it).
 * </ul>
 *
 * <p>Names are sent in full; Zephyr cuts group and counter names in responses to {@link
 * #MAX_NAME_LENGTH} bytes, which matters only for names a show request could not ask for anyway.
 */
public final class SimulatedStatMgmt implements StatMgmt {

  /** Zephyr's {@code CONFIG_MCUMGR_GRP_STAT_MAX_NAME_LEN} default: names must be shorter. */
  public static final int MAX_NAME_LENGTH = 32;

  private static final long LOW_32_BITS = 0xFFFF_FFFFL;

  private final StatRegistry registry;

  /**
   * @param registry the statistics to report
   */
  public SimulatedStatMgmt(StatRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public GroupData groupData(String name) {
    int length = name.getBytes(StandardCharsets.UTF_8).length;
    if (length == 0 || length >= MAX_NAME_LENGTH) {
      throw new MgmtException(MgmtErr.EINVAL,
          "stat group name must be 1.." + (MAX_NAME_LENGTH - 1) + " bytes, not " + length);
    }
    StatGroup group = registry.find(name)
        .orElseThrow(() -> new GroupErrorException(StatMgmtError.INVALID_STAT_NAME, "no stat group " + name));
    Map<String, Long> fields = new LinkedHashMap<>();
    group.snapshot().forEach((counter, value) -> fields.put(counter, value & LOW_32_BITS));
    return new GroupData(name, fields);
  }

  @Override
  public StatList list() {
    return new StatList(registry.names());
  }
}
