package test.alltypes;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborValues;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.client.Responses;
import io.mcumgr4j.client.SmpClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Typed client of the {@code all_types} group (id 100), declared by {@link AllTypesMgmt}. Blocking methods throw
 * {@code MgmtException} for an {@code rc} error, {@code GroupErrorException} (carrying a {@link AllTypesMgmtError}) for
 * a group error, and the {@code SmpClient}'s timeout and transport exceptions; the {@code *Async}
 * variants complete exceptionally with the same.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class AllTypesMgmtClient {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 100;

  private final SmpClient client;

  /**
   * @param client the connection to the device
   */
  public AllTypesMgmtClient(SmpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Echoes primitive and boxed scalars.
   *
   * <p>Sends a {@code WRITE} request for command 0.
   *
   * @param b a boolean
   * @param i an int
   * @return the values received
   */
  public AllTypesMgmt.Scalars scalars(boolean b, int i, long l, float f, double d,
      Boolean boxedBool, Integer boxedInt, Long boxedLong, Float boxedFloat, Double boxedDouble) {
    return SmpClient.await(scalarsAsync(b, i, l, f, d, boxedBool, boxedInt, boxedLong, boxedFloat, boxedDouble));
  }

  /**
   * As {@link #scalars}, without blocking.
   */
  public CompletableFuture<AllTypesMgmt.Scalars> scalarsAsync(boolean b, int i, long l, float f,
      double d, Boolean boxedBool, Integer boxedInt, Long boxedLong, Float boxedFloat,
      Double boxedDouble) {
    Objects.requireNonNull(boxedBool, "boxedBool");
    Objects.requireNonNull(boxedInt, "boxedInt");
    Objects.requireNonNull(boxedLong, "boxedLong");
    Objects.requireNonNull(boxedFloat, "boxedFloat");
    Objects.requireNonNull(boxedDouble, "boxedDouble");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(10);
    out.key("b");
    out.bool(b);
    out.key("i");
    out.integer(i);
    out.key("l");
    out.integer(l);
    out.key("f");
    out.float32(f);
    out.key("d");
    out.float64(d);
    out.key("bb");
    out.bool(boxedBool);
    out.key("bi");
    out.integer(boxedInt);
    out.key("bl");
    out.integer(boxedLong);
    out.key("bf");
    out.float32(boxedFloat);
    out.key("bd");
    out.float64(boxedDouble);
    out.endMap();
    return client.sendAsync(Op.WRITE, GROUP_ID, 0, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), AllTypesMgmtError::forCode,
            AllTypesMgmtCodec::readScalars));
  }

  /**
   * Unsigned integers of every width, alone and in containers.
   *
   * <p>Sends a {@code READ} request for command 1.
   */
  public AllTypesMgmt.Unsigned unsigned(int u8, Integer u16, long u32, Long u64, List<Integer> u8s,
      OptionalLong u64o) {
    return SmpClient.await(unsignedAsync(u8, u16, u32, u64, u8s, u64o));
  }

  /**
   * As {@link #unsigned}, without blocking.
   */
  public CompletableFuture<AllTypesMgmt.Unsigned> unsignedAsync(int u8, Integer u16, long u32,
      Long u64, List<Integer> u8s, OptionalLong u64o) {
    Objects.requireNonNull(u16, "u16");
    Objects.requireNonNull(u64, "u64");
    Objects.requireNonNull(u8s, "u8s");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(5 + (u64o.isPresent() ? 1 : 0));
    out.key("u8");
    out.uint8(u8);
    out.key("u16");
    out.uint16(u16);
    out.key("u32");
    out.uint32(u32);
    out.key("u64");
    out.uint(u64);
    out.key("u8s");
    CborValues.writeList(out, u8s, CborWriter::uint8);
    if (u64o.isPresent()) {
      out.key("u64o");
      out.uint(u64o.getAsLong());
    }
    out.endMap();
    return client.sendAsync(Op.READ, GROUP_ID, 1, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), AllTypesMgmtError::forCode,
            AllTypesMgmtCodec::readUnsigned));
  }

  /**
   * Text, bytes and raw CBOR; answers reads and writes alike.
   *
   * <p>Sends a {@code READ} request for command 2.
   */
  public AllTypesMgmt.Blob blob(String name, byte[] data, RawCbor raw) {
    return SmpClient.await(blobAsync(name, data, raw));
  }

  /**
   * As {@link #blob}, without blocking.
   */
  public CompletableFuture<AllTypesMgmt.Blob> blobAsync(String name, byte[] data, RawCbor raw) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2 + (raw != null ? 1 : 0));
    out.key("name");
    out.text(name);
    out.key("data");
    out.bytes(data);
    if (raw != null) {
      out.key("raw");
      raw.writeTo(out);
    }
    out.endMap();
    return client.sendAsync(Op.READ, GROUP_ID, 2, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), AllTypesMgmtError::forCode,
            AllTypesMgmtCodec::readBlob));
  }

  /**
   * Lists and maps of scalars and records; returns nothing.
   *
   * <p>Sends a {@code WRITE} request for command 3.
   */
  public void store(List<String> tags, List<AllTypesMgmt.Point> points, Map<String, Long> limits,
      Map<String, AllTypesMgmt.Shape> shapes, List<List<Double>> matrix, List<byte[]> blobs) {
    SmpClient.await(storeAsync(tags, points, limits, shapes, matrix, blobs));
  }

  /**
   * As {@link #store}, without blocking.
   */
  public CompletableFuture<Void> storeAsync(List<String> tags, List<AllTypesMgmt.Point> points,
      Map<String, Long> limits, Map<String, AllTypesMgmt.Shape> shapes, List<List<Double>> matrix,
      List<byte[]> blobs) {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(shapes, "shapes");
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(blobs, "blobs");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(6);
    out.key("tags");
    CborValues.writeList(out, tags, CborWriter::text);
    out.key("points");
    CborValues.writeList(out, points, AllTypesMgmtCodec::writePoint);
    out.key("limits");
    CborValues.writeMap(out, limits, CborWriter::integer);
    out.key("shapes");
    CborValues.writeMap(out, shapes, AllTypesMgmtCodec::writeShape);
    out.key("matrix");
    CborValues.writeList(out, matrix, (w1, v1) -> CborValues.writeList(w1, v1, (w2, v2) -> w2.float64(v2)));
    out.key("blobs");
    CborValues.writeList(out, blobs, CborWriter::bytes);
    out.endMap();
    return client.sendAsync(Op.WRITE, GROUP_ID, 3, out.toByteArray())
        .thenApply(response -> {
          ResponseErrors.check(response.payload(), AllTypesMgmtError::forCode);
          return null;
        });
  }

  /**
   * Optional parameters: every Optional type, and optional references.
   *
   * <p>Sends a {@code READ} request for command 4.
   */
  public AllTypesMgmt.Optionals optionals(Optional<String> name, OptionalInt count,
      OptionalLong total, OptionalDouble ratio, Optional<AllTypesMgmt.Point> where, String note,
      Integer level, OptionalInt more) {
    return SmpClient.await(optionalsAsync(name, count, total, ratio, where, note, level, more));
  }

  /**
   * As {@link #optionals}, without blocking.
   */
  public CompletableFuture<AllTypesMgmt.Optionals> optionalsAsync(Optional<String> name,
      OptionalInt count, OptionalLong total, OptionalDouble ratio,
      Optional<AllTypesMgmt.Point> where, String note, Integer level, OptionalInt more) {
    CborWriter out = CborWriter.forRequest();
    out.beginMap((name.isPresent() ? 1 : 0) + (count.isPresent() ? 1 : 0) +
        (total.isPresent() ? 1 : 0) + (ratio.isPresent() ? 1 : 0) + (where.isPresent() ? 1 : 0) +
        (note != null ? 1 : 0) + (level != null ? 1 : 0) + (more.isPresent() ? 1 : 0));
    if (name.isPresent()) {
      out.key("name");
      out.text(name.get());
    }
    if (count.isPresent()) {
      out.key("count");
      out.integer(count.getAsInt());
    }
    if (total.isPresent()) {
      out.key("total");
      out.integer(total.getAsLong());
    }
    if (ratio.isPresent()) {
      out.key("ratio");
      out.float64(ratio.getAsDouble());
    }
    if (where.isPresent()) {
      out.key("where");
      AllTypesMgmtCodec.writePoint(out, where.get());
    }
    if (note != null) {
      out.key("note");
      out.text(note);
    }
    if (level != null) {
      out.key("level");
      out.integer(level);
    }
    if (more.isPresent()) {
      out.key("more");
      out.integer(more.getAsInt());
    }
    out.endMap();
    return client.sendAsync(Op.READ, GROUP_ID, 4, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), AllTypesMgmtError::forCode,
            AllTypesMgmtCodec::readOptionals));
  }

  /**
   * Reads a setting: shares id 5 with {@link #writeSetting}.
   *
   * <p>Sends a {@code READ} request for command 5.
   */
  public AllTypesMgmt.Setting readSetting(String name) {
    return SmpClient.await(readSettingAsync(name));
  }

  /**
   * As {@link #readSetting}, without blocking.
   */
  public CompletableFuture<AllTypesMgmt.Setting> readSettingAsync(String name) {
    Objects.requireNonNull(name, "name");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(1);
    out.key("name");
    out.text(name);
    out.endMap();
    return client.sendAsync(Op.READ, GROUP_ID, 5, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), AllTypesMgmtError::forCode,
            AllTypesMgmtCodec::readSetting));
  }

  /**
   * Writes a setting: shares id 5 with {@link #readSetting}.
   *
   * <p>Sends a {@code WRITE} request for command 5.
   *
   * @param name the setting
   * @param value the new value
   */
  public void writeSetting(String name, byte[] value) {
    SmpClient.await(writeSettingAsync(name, value));
  }

  /**
   * As {@link #writeSetting}, without blocking.
   */
  public CompletableFuture<Void> writeSettingAsync(String name, byte[] value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2);
    out.key("name");
    out.text(name);
    out.key("val");
    out.bytes(value);
    out.endMap();
    return client.sendAsync(Op.WRITE, GROUP_ID, 5, out.toByteArray())
        .thenApply(response -> {
          ResponseErrors.check(response.payload(), AllTypesMgmtError::forCode);
          return null;
        });
  }

  /**
   * Enums travel by code, alone and in containers.
   *
   * <p>Sends a {@code WRITE} request for command 6.
   */
  public AllTypesMgmt.Status mode(AllTypesMgmt.Mode mode, List<AllTypesMgmt.Mode> history,
      Optional<AllTypesMgmt.Mode> fallback) {
    return SmpClient.await(modeAsync(mode, history, fallback));
  }

  /**
   * As {@link #mode}, without blocking.
   */
  public CompletableFuture<AllTypesMgmt.Status> modeAsync(AllTypesMgmt.Mode mode,
      List<AllTypesMgmt.Mode> history, Optional<AllTypesMgmt.Mode> fallback) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(history, "history");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2 + (fallback.isPresent() ? 1 : 0));
    out.key("mode");
    out.integer(mode.code());
    out.key("history");
    CborValues.writeList(out, history, (w1, v1) -> w1.integer(v1.code()));
    if (fallback.isPresent()) {
      out.key("fallback");
      out.integer(fallback.get().code());
    }
    out.endMap();
    return client.sendAsync(Op.WRITE, GROUP_ID, 6, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), AllTypesMgmtError::forCode,
            AllTypesMgmtCodec::readStatus));
  }

  /**
   * No parameters, no response; leaves id 7 free.
   *
   * <p>Sends a {@code WRITE} request for command 8.
   */
  public void reset() {
    SmpClient.await(resetAsync());
  }

  /**
   * As {@link #reset}, without blocking.
   */
  public CompletableFuture<Void> resetAsync() {
    CborWriter out = CborWriter.forRequest();
    out.beginMap(0);
    out.endMap();
    return client.sendAsync(Op.WRITE, GROUP_ID, 8, out.toByteArray())
        .thenApply(response -> {
          ResponseErrors.check(response.payload(), AllTypesMgmtError::forCode);
          return null;
        });
  }

  /**
   * A record that nests itself, and a record that shares the simple name of another.
   *
   * <p>Sends a {@code READ} request for command 9.
   */
  public AllTypesMgmt.Tree tree(AllTypesMgmt.Tree root, AllTypesMgmt.Geo.Point origin) {
    return SmpClient.await(treeAsync(root, origin));
  }

  /**
   * As {@link #tree}, without blocking.
   */
  public CompletableFuture<AllTypesMgmt.Tree> treeAsync(AllTypesMgmt.Tree root,
      AllTypesMgmt.Geo.Point origin) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(origin, "origin");
    CborWriter out = CborWriter.forRequest();
    out.beginMap(2);
    out.key("root");
    AllTypesMgmtCodec.writeTree(out, root);
    out.key("origin");
    AllTypesMgmtCodec.writeGeo_Point(out, origin);
    out.endMap();
    return client.sendAsync(Op.READ, GROUP_ID, 9, out.toByteArray())
        .thenApply(response -> Responses.decode(response.payload(), AllTypesMgmtError::forCode,
            AllTypesMgmtCodec::readTree));
  }
}
