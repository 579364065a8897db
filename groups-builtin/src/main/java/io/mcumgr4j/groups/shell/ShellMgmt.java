package io.mcumgr4j.groups.shell;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import java.util.List;

/** Zephyr's shell group (9): {@code smp_group_9.rst}. */
@MgmtGroup(id = 9, name = "shell mgmt",
    errors = {
        @ErrorCode(value = 2, name = "COMMAND_TOO_LONG", legacy = MgmtErr.EINVAL, doc = "The command line is too long"),
        @ErrorCode(value = 3, name = "EMPTY_COMMAND", legacy = MgmtErr.EINVAL, doc = "No command was given")
    })
public interface ShellMgmt {

  /** Runs a shell command line, {@code argv} joined by spaces; answers its output and return code. */
  @Command(id = 0, ops = Op.WRITE)
  Result exec(@Param("argv") List<String> argv);

  /**
   * Response of {@link #exec}.
   *
   * @param output the command's output, as the shell printed it
   * @param ret the command's return code (negative errno for failures)
   */
  record Result(@Field("o") String output, int ret) {}
}
