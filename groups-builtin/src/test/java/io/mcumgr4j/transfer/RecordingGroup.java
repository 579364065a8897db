package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps a group's handler to record the size of every request packet it is given. */
final class RecordingGroup implements GroupHandler {

  private final GroupHandler delegate;
  final List<Integer> packetSizes = new CopyOnWriteArrayList<>();

  RecordingGroup(GroupHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public int groupId() {
    return delegate.groupId();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public int commandSlots() {
    return delegate.commandSlots();
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    CommandHandler handler = delegate.handler(id, op);
    if (handler == null) {
      return null;
    }
    return (ctx, request, response) -> {
      packetSizes.add(SmpHeader.SIZE + ctx.header().length());
      handler.handle(ctx, request, response);
    };
  }
}
