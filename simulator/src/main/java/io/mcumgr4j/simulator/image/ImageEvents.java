package io.mcumgr4j.simulator.image;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import java.util.OptionalLong;

/**
 * The image group's DFU events (Zephyr's {@code MGMT_EVT_OP_IMG_MGMT_*}, event group {@code IMG}
 * (3), {@code img_mgmt_callbacks.h}), fired by {@link SimulatedImgMgmt} where Zephyr fires them.
 *
 * <table>
 *   <caption>events</caption>
 *   <tr><th>event</th><th>bit</th><th>fired</th><th>data</th></tr>
 *   <tr><td>{@link #DFU_CHUNK}</td><td>0</td><td>for each upload chunk accepted at the right offset,
 *       before anything is written; an {@code rc} aborts the upload, a group error is answered
 *       beside the expected {@code off} and keeps it, as Zephyr does</td><td>{@link UploadCheck}</td></tr>
 *   <tr><td>{@link #DFU_STOPPED}</td><td>1</td><td>an upload failed or was refused with an
 *       {@code rc}</td><td>{@link DfuEvent}</td></tr>
 *   <tr><td>{@link #DFU_STARTED}</td><td>2</td><td>a new upload begins (offset 0)</td><td>{@link DfuEvent}</td></tr>
 *   <tr><td>{@link #DFU_PENDING}</td><td>3</td><td>the last byte of an upload is written</td><td>{@link DfuEvent}</td></tr>
 *   <tr><td>{@link #DFU_CONFIRMED}</td><td>4</td><td>the running image was confirmed</td><td>{@link DfuEvent}</td></tr>
 *   <tr><td>{@link #CHUNK_WRITE_COMPLETE}</td><td>5</td><td>a chunk other than the last is written</td><td>{@link DfuEvent}</td></tr>
 * </table>
 *
 * <pre>{@code
 * ImageEvents.onDfuChunk(server.callbacks(), (check, previous) ->
 *     check.request().upgrade() ? CallbackResult.OK : CallbackResult.rc(MgmtErr.EACCESSDENIED));
 * }</pre>
 *
 * <p>Only {@link #DFU_CHUNK}'s result is used; the others are notifications. Zephyr passes no data
 * with the status events (and the image number with {@code DFU_CONFIRMED}); here each carries the
 * image it concerns.
 */
public final class ImageEvents {

  /** The upload check hook ({@code MGMT_EVT_OP_IMG_MGMT_DFU_CHUNK}); data {@link UploadCheck}. */
  public static final int DFU_CHUNK = MgmtEventIds.id(MgmtEventIds.GROUP_IMG, 0);
  /** An upload failed or was refused with an {@code rc} ({@code MGMT_EVT_OP_IMG_MGMT_DFU_STOPPED}); data {@link DfuEvent}. */
  public static final int DFU_STOPPED = MgmtEventIds.id(MgmtEventIds.GROUP_IMG, 1);
  /** A new upload began ({@code MGMT_EVT_OP_IMG_MGMT_DFU_STARTED}); data {@link DfuEvent}. */
  public static final int DFU_STARTED = MgmtEventIds.id(MgmtEventIds.GROUP_IMG, 2);
  /** An upload's last byte was written ({@code MGMT_EVT_OP_IMG_MGMT_DFU_PENDING}); data {@link DfuEvent}. */
  public static final int DFU_PENDING = MgmtEventIds.id(MgmtEventIds.GROUP_IMG, 3);
  /** The running image was confirmed ({@code MGMT_EVT_OP_IMG_MGMT_DFU_CONFIRMED}); data {@link DfuEvent}. */
  public static final int DFU_CONFIRMED = MgmtEventIds.id(MgmtEventIds.GROUP_IMG, 4);
  /** A chunk before the last was written ({@code MGMT_EVT_OP_IMG_MGMT_DFU_CHUNK_WRITE_COMPLETE}); data {@link DfuEvent}. */
  public static final int CHUNK_WRITE_COMPLETE = MgmtEventIds.id(MgmtEventIds.GROUP_IMG, 5);
  /** Every status event: {@code DFU_STOPPED}, {@code DFU_STARTED}, {@code DFU_PENDING}, {@code DFU_CONFIRMED}, {@code CHUNK_WRITE_COMPLETE}. */
  public static final int ALL_STATUS = DFU_STOPPED | DFU_STARTED | DFU_PENDING | DFU_CONFIRMED | CHUNK_WRITE_COMPLETE;

  private ImageEvents() {}

  /**
   * An upload request as it was decoded ({@code struct img_mgmt_upload_req}).
   *
   * @param image the image number ({@code image}, 0 when absent)
   * @param len the whole image's length, when the request carried it
   * @param off where the chunk goes
   * @param data the chunk (a copy)
   * @param sha the {@code sha} sent, empty when absent (a copy)
   * @param upgrade whether the client asked for a newer version only
   */
  public record UploadRequest(long image, OptionalLong len, long off, byte[] data, byte[] sha, boolean upgrade) {}

  /**
   * What the upload will do with the chunk ({@code struct img_mgmt_upload_action}).
   *
   * @param image the image being uploaded
   * @param slot the slot written (within the image: 1)
   * @param size the whole image's length
   * @param writeBytes bytes this chunk writes
   * @param erase whether the slot is erased first (the first chunk of a new upload)
   */
  public record UploadAction(int image, int slot, long size, long writeBytes, boolean erase) {}

  /** Data of {@link #DFU_CHUNK} ({@code struct img_mgmt_upload_check}). */
  public record UploadCheck(UploadRequest request, UploadAction action) {}

  /**
   * Data of the status events.
   *
   * @param image the image uploaded or confirmed
   */
  public record DfuEvent(int image) {}

  /** Listens to {@link #DFU_CHUNK}. */
  @FunctionalInterface
  public interface UploadCheckListener {
    /**
     * @param check the chunk and what will be done with it
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to accept the chunk, or a failure to abort the upload
     */
    CallbackResult onChunk(UploadCheck check, CallbackResult previous);
  }

  /** Listens to status events. */
  @FunctionalInterface
  public interface DfuListener {
    /**
     * @param event the event id, e.g. {@link #DFU_PENDING}
     * @param data the image it concerns
     */
    void onDfu(int event, DfuEvent data);
  }

  /** Registers {@code listener} for {@link #DFU_CHUNK}; close the registration to remove it. */
  public static MgmtCallbacks.Registration onDfuChunk(MgmtCallbacks callbacks, UploadCheckListener listener) {
    return callbacks.register(DFU_CHUNK, (event, data, previous) -> listener.onChunk((UploadCheck) data, previous));
  }

  /**
   * Registers {@code listener} for the status events in {@code events} (ids OR-ed together, e.g.
   * {@link #ALL_STATUS}); close the registration to remove it.
   */
  public static MgmtCallbacks.Registration onDfuStatus(MgmtCallbacks callbacks, int events, DfuListener listener) {
    if (MgmtEventIds.group(events) != MgmtEventIds.GROUP_IMG || MgmtEventIds.bits(events) == 0
        || (events & ~ALL_STATUS) != 0) {
      throw new IllegalArgumentException("not image status events: 0x" + Integer.toHexString(events));
    }
    return callbacks.register(events, (event, data, previous) -> {
      listener.onDfu(event, (DfuEvent) data);
      return CallbackResult.OK;
    });
  }
}
