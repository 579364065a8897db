package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;

/** OS group (0) with only {@code mcumgr params} (command 6), answering a fixed buffer size. */
final class ParamsGroup implements GroupHandler {

  private final int bufSize;

  ParamsGroup(int bufSize) {
    this.bufSize = bufSize;
  }

  @Override
  public int groupId() {
    return 0;
  }

  @Override
  public String name() {
    return "os mgmt";
  }

  @Override
  public int commandSlots() {
    return 7;
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    if (id != 6 || op != Op.READ) {
      return null;
    }
    return (ctx, request, response) -> response.key("buf_size").uint(bufSize).key("buf_count").uint(4);
  }
}
