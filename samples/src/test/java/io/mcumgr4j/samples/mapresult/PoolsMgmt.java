package io.mcumgr4j.samples.mapresult;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Uint;
import java.util.Map;

/** A command whose response keys are data, like Zephyr's memory pool statistics. */
@MgmtGroup(id = 101, name = "pools")
public interface PoolsMgmt {

  /** Statistics per pool, keyed by pool name at the top of the response. */
  @Command(id = 0, ops = Op.READ)
  Map<String, Pool> pools();

  /** One pool. */
  record Pool(@Uint long blksiz, @Uint long nblks, @Uint long nfree, @Uint long min) {}
}
