package io.mcumgr4j.callback;

import io.mcumgr4j.annotation.MgmtErr;
import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event bus of one server, with Zephyr's semantics: listeners are called in registration
 * order; each one whose registration covers the event is called, also after an earlier one
 * failed (it sees that failure as {@code previous}); the first failure is the result; a
 * listener that answers with {@link CallbackResult#abortMore()} stops the walk. A listener that
 * throws counts as one answering {@code MGMT_ERR_EUNKNOWN}.
 */
public final class MgmtCallbacks {

  private static final System.Logger LOG = System.getLogger(MgmtCallbacks.class.getName());

  private final CopyOnWriteArrayList<Entry> listeners = new CopyOnWriteArrayList<>();

  /** One registration; compared by identity, so closing it removes exactly this one. */
  private static final class Entry {
    final int events;
    final MgmtListener listener;

    Entry(int events, MgmtListener listener) {
      this.events = events;
      this.listener = listener;
    }
  }

  /** A registration; closing it removes the listener. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Registers a listener for the events in {@code events}: one event id, several ids of the same
   * event group OR-ed together, {@link MgmtEventIds#allOf(int)} or {@link MgmtEventIds#ALL}.
   */
  public Registration register(int events, MgmtListener listener) {
    if (MgmtEventIds.bits(events) == 0) {
      throw new IllegalArgumentException("event mask 0x" + Integer.toHexString(events) + " names no event");
    }
    Entry entry = new Entry(events, listener);
    listeners.add(entry);
    return () -> listeners.remove(entry);
  }

  /** Whether any listener covers {@code event}; lets callers skip building event data. */
  public boolean hasListeners(int event) {
    for (Entry e : listeners) {
      if (covers(e, event)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells every listener registered for {@code event}.
   *
   * @return the first failure, or {@link CallbackResult#OK}
   */
  public CallbackResult notify(int event, Object data) {
    CallbackResult first = CallbackResult.OK;
    for (Entry e : listeners) {
      if (!covers(e, event)) {
        continue;
      }
      CallbackResult r;
      try {
        r = e.listener.onEvent(event, data, first);
      } catch (RuntimeException failure) {
        // a broken listener fails the command it was asked about, not the server
        LOG.log(Level.ERROR, "listener for event 0x" + Integer.toHexString(event) + " failed", failure);
        r = CallbackResult.rc(MgmtErr.EUNKNOWN);
      }
      if (r == null) {
        r = CallbackResult.OK;
      }
      if (first.isOk() && !r.isOk()) {
        first = r.withoutAbort();
      }
      if (r.isAbortMore()) {
        break;
      }
    }
    return first;
  }

  /** Zephyr's match: {@code ALL} exactly, or the same event group with every bit of the event. */
  private static boolean covers(Entry e, int event) {
    if (e.events == MgmtEventIds.ALL) {
      return true;
    }
    int bits = MgmtEventIds.bits(event);
    return MgmtEventIds.group(e.events) == MgmtEventIds.group(event) && (MgmtEventIds.bits(e.events) & bits) == bits;
  }
}
