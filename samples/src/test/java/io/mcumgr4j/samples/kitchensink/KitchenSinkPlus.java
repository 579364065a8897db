package io.mcumgr4j.samples.kitchensink;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import java.util.List;

/** The kitchen sink group with one more command, declared by extending its interface. */
@MgmtGroup(id = 100, name = "kitchen sink")
public interface KitchenSinkPlus extends KitchenSink {

  @Command(id = 20, ops = Op.READ)
  Sum sum(@Param("values") List<Long> values);

  record Sum(long total) {}
}
