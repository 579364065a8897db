package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.mcumgr4j.processor.model.CborType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The code that reads and writes one value, and the key-by-key loop that reads or writes a whole
 * map of entries (request parameters or record components).
 */
final class ValueCode {

  /**
   * One map entry.
   *
   * @param local the local variable a decoder fills
   * @param key the CBOR key
   * @param type how the value travels
   * @param required whether a decoder fails when the key is absent (and so an encoder always
   *     writes it)
   * @param value the expression an encoder reads the value from
   * @param lenient whether a decoder ignores a value of another CBOR type
   */
  record Entry(String local, String key, CborType type, boolean required, String value, boolean lenient) {

    Entry(String local, String key, CborType type, boolean required, String value) {
      this(local, key, type, required, value, false);
    }
  }

  /** Names generated methods use for their own variables. */
  private static final Set<String> RESERVED =
      Set.of("seen", "key", "in", "out", "ctx", "result", "callbacks", "response", "impl", "client");

  private final ClassName codec;
  private final Map<String, String> suffixes;

  /**
   * @param codec the group's codec class, which holds the record and enum methods
   * @param suffixes the codec method suffix of each record and enum, by qualified name
   */
  ValueCode(ClassName codec, Map<String, String> suffixes) {
    this.codec = codec;
    this.suffixes = suffixes;
  }

  /** An expression reading one value of {@code type} from reader {@code r}. */
  CodeBlock read(CborType type, String r, int depth) {
    if (type instanceof CborType.Scalar s) {
      return switch (s.kind()) {
        case BOOL -> CodeBlock.of("$L.bool()", r);
        case INT8 -> CodeBlock.of("$L.int8()", r);
        case INT16 -> CodeBlock.of("$L.int16()", r);
        case INT32 -> CodeBlock.of("$L.int32()", r);
        case INT64 -> CodeBlock.of("$L.int64()", r);
        case UINT8 -> CodeBlock.of("$L.uint8()", r);
        case UINT16 -> CodeBlock.of("$L.uint16()", r);
        case UINT32 -> CodeBlock.of("$L.uint32()", r);
        case UINT64 -> CodeBlock.of("$L.uint64()", r);
        case FLOAT32 -> CodeBlock.of("$L.float32()", r);
        case FLOAT64 -> CodeBlock.of("$L.float64()", r);
        case TEXT -> CodeBlock.of("$L.text()", r);
        case BYTES -> CodeBlock.of("$L.bytes()", r);
      };
    }
    if (type instanceof CborType.Rec rec) {
      return CodeBlock.of("$T.read$L($L)", codec, suffix(rec.element()), r);
    }
    if (type instanceof CborType.EnumOf e) {
      return CodeBlock.of("$T.read$L($L)", codec, suffix(e.element()), r);
    }
    if (type instanceof CborType.Raw) {
      return CodeBlock.of("$T.readFrom($L)", Names.RAW_CBOR, r);
    }
    if (type instanceof CborType.ListOf l) {
      return CodeBlock.of("$T.readList($L, $L)", Names.CBOR_VALUES, r, readFunction(l.item(), depth + 1));
    }
    if (type instanceof CborType.MapOf m) {
      return CodeBlock.of("$T.readMap($L, $L)", Names.CBOR_VALUES, r, readFunction(m.value(), depth + 1));
    }
    CborType.Opt o = (CborType.Opt) type;
    return CodeBlock.of("$T.of($L)", optionalClass(o), read(o.inner(), r, depth));
  }

  /** A statement expression writing {@code v} (of {@code type}, never an optional) to writer {@code w}. */
  CodeBlock write(CborType type, String w, String v, int depth) {
    if (type instanceof CborType.Scalar s) {
      String method = switch (s.kind()) {
        case BOOL -> "bool";
        case INT8, INT16, INT32, INT64 -> "integer";
        case UINT8 -> "uint8";
        case UINT16 -> "uint16";
        case UINT32 -> "uint32";
        case UINT64 -> "uint";
        case FLOAT32 -> "float32";
        case FLOAT64 -> "float64";
        case TEXT -> "text";
        case BYTES -> "bytes";
      };
      return CodeBlock.of("$L.$L($L)", w, method, v);
    }
    if (type instanceof CborType.Rec rec) {
      return CodeBlock.of("$T.write$L($L, $L)", codec, suffix(rec.element()), w, v);
    }
    if (type instanceof CborType.EnumOf) {
      return CodeBlock.of("$L.integer($L.code())", w, v);
    }
    if (type instanceof CborType.Raw) {
      return CodeBlock.of("$L.writeTo($L)", v, w);
    }
    if (type instanceof CborType.ListOf l) {
      return CodeBlock.of("$T.writeList($L, $L, $L)", Names.CBOR_VALUES, w, v, writeFunction(l.item(), depth + 1));
    }
    CborType.MapOf m = (CborType.MapOf) type;
    return CodeBlock.of("$T.writeMap($L, $L, $L)", Names.CBOR_VALUES, w, v, writeFunction(m.value(), depth + 1));
  }

  /** A {@code Function<CborReader, T>} for list and map items: a method reference where one fits. */
  CodeBlock readFunction(CborType item, int depth) {
    if (item instanceof CborType.Scalar) {
      String call = read(item, "r", depth).toString();
      return CodeBlock.of("$T::$L", Names.CBOR_READER, call.substring(2, call.length() - 2));
    }
    if (item instanceof CborType.Rec || item instanceof CborType.EnumOf) {
      TypeElement e = item instanceof CborType.Rec r ? r.element() : ((CborType.EnumOf) item).element();
      return CodeBlock.of("$T::read$L", codec, suffix(e));
    }
    if (item instanceof CborType.Raw) {
      return CodeBlock.of("$T::readFrom", Names.RAW_CBOR);
    }
    String r = "r" + depth;
    return CodeBlock.of("$L -> $L", r, read(item, r, depth));
  }

  /**
   * A {@code BiConsumer<CborWriter, T>} for list and map items: a method reference where one fits.
   * A method reference fits only where the writer's parameter boxes to the item's type: javac
   * infers the item type from a primitive parameter's box (so {@code CborWriter::integer}, which
   * takes a {@code long}, would make a {@code List<Integer>} a {@code List<Long>}); and scalars
   * inside a lambda stay lambdas, as javac cannot infer a boxed item there either.
   */
  CodeBlock writeFunction(CborType item, int depth) {
    if (item instanceof CborType.Scalar s && depth == 1 && writerTakesItsBox(s.kind())) {
      String call = write(s, "w", "v", depth).toString();
      return CodeBlock.of("$T::$L", Names.CBOR_WRITER, call.substring(2, call.indexOf('(')));
    }
    if (item instanceof CborType.Rec r) {
      return CodeBlock.of("$T::write$L", codec, suffix(r.element()));
    }
    if (item instanceof CborType.Raw) {
      return CodeBlock.of("(w$L, v$L) -> v$L.writeTo(w$L)", depth, depth, depth, depth);
    }
    String w = "w" + depth;
    String v = "v" + depth;
    return CodeBlock.of("($L, $L) -> $L", w, v, write(item, w, v, depth));
  }

  /**
   * Declares one local per entry, reads the map from {@code r} key by key (unknown keys skipped,
   * a key twice rejected) and fails on a missing required key.
   */
  void decodeMap(CodeBlock.Builder code, List<Entry> entries, String r) {
    for (Entry e : entries) {
      code.addStatement("$T $L = $L", TypeName.get(e.type().mirror()), e.local(), initial(e.type()));
    }
    String seenType = entries.size() > 32 ? "long" : "int";
    String one = entries.size() > 32 ? "1L" : "1";
    code.addStatement("$L seen = 0", seenType);
    code.addStatement("$L.beginMap()", r);
    code.beginControlFlow("for (String key = $L.nextKey(); key != null; key = $L.nextKey())", r, r);
    code.beginControlFlow("switch (key)");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      String bit = bit(one, i);
      code.beginControlFlow("case $S ->", e.key());
      code.addStatement("seen = $T.add(seen, $L, $S)", Names.SEEN_KEYS, bit, e.key());
      if (e.lenient()) {
        // another type is dropped as if the key were absent, as the Zephyr handler does
        CborType.Scalar s = (CborType.Scalar) (e.type() instanceof CborType.Opt o ? o.inner() : e.type());
        code.beginControlFlow("if ($L.$L())", r, kindTest(s.kind()));
        code.addStatement("$L = $L", e.local(), read(e.type(), r, 0));
        code.nextControlFlow("else");
        code.addStatement("$L.skipValue()", r);
        code.endControlFlow();
      } else {
        code.addStatement("$L = $L", e.local(), read(e.type(), r, 0));
      }
      code.endControlFlow();
    }
    code.addStatement("default -> $L.skipValue()", r);
    code.endControlFlow();
    code.endControlFlow();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.required()) {
        code.addStatement("$T.require(seen, $L, $S)", Names.SEEN_KEYS, bit(one, i), e.key());
      }
    }
  }

  /** Writes each entry's key and value to {@code w}; absent optionals and null references are left out. */
  void encodeEntries(CodeBlock.Builder code, List<Entry> entries, String w) {
    for (Entry e : entries) {
      CborType t = e.type();
      if (t instanceof CborType.Opt o) {
        code.beginControlFlow("if ($L.isPresent())", e.value());
        code.addStatement("$L.key($S)", w, e.key());
        code.addStatement(write(o.inner(), w, e.value() + "." + getter(o), 0));
        code.endControlFlow();
      } else if (alwaysPresent(t) || e.required()) {
        code.addStatement("$L.key($S)", w, e.key());
        code.addStatement(write(t, w, e.value(), 0));
      } else {
        code.beginControlFlow("if ($L != null)", e.value());
        code.addStatement("$L.key($S)", w, e.key());
        code.addStatement(write(t, w, e.value(), 0));
        code.endControlFlow();
      }
    }
  }

  /** The number of entries {@link #encodeEntries} writes, as an expression (wrapped where long). */
  CodeBlock count(List<Entry> entries) {
    int fixed = 0;
    List<CodeBlock> terms = new ArrayList<>();
    for (Entry e : entries) {
      if (e.type() instanceof CborType.Opt) {
        terms.add(CodeBlock.of("($L.isPresent() ? 1 : 0)", e.value()));
      } else if (alwaysPresent(e.type()) || e.required()) {
        fixed++;
      } else {
        terms.add(CodeBlock.of("($L != null ? 1 : 0)", e.value()));
      }
    }
    if (fixed > 0 || terms.isEmpty()) {
      terms.add(0, CodeBlock.of("$L", fixed));
    }
    return CodeBlock.join(terms, " +$W");
  }

  /** The codec method suffix of a record or enum, e.g. {@code TestResult} in {@code readTestResult}. */
  String suffix(TypeElement type) {
    return suffixes.get(type.getQualifiedName().toString());
  }

  /** {@code DeviceState} -> {@code DEVICE_STATE}. */
  static String constantName(String suffix) {
    return Names.constant(suffix.replace("_", ""));
  }

  /**
   * The local variable for a parameter or component: its own name, unless generated code
   * already uses that name.
   */
  static String local(String name) {
    return RESERVED.contains(name) || name.matches("[rwv]\\d+") ? name + "_" : name;
  }

  /** Whether {@link #write}'s writer method takes exactly the primitive of {@code kind}'s Java type. */
  private static boolean writerTakesItsBox(CborType.ScalarKind kind) {
    return kind != CborType.ScalarKind.INT8 && kind != CborType.ScalarKind.INT16 && kind != CborType.ScalarKind.INT32;
  }

  /** The {@code CborReader} test of whether the next value is of {@code kind}'s CBOR type. */
  private static String kindTest(CborType.ScalarKind kind) {
    return switch (kind) {
      case BOOL -> "nextIsBoolean";
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> "nextIsInteger";
      case FLOAT32, FLOAT64 -> "nextIsFloat";
      case TEXT -> "nextIsText";
      case BYTES -> "nextIsBytes";
    };
  }

  /** Primitive values are always written; references only when not null. */
  static boolean alwaysPresent(CborType t) {
    return t instanceof CborType.Scalar s && s.primitive();
  }

  private static String bit(String one, int i) {
    return i == 0 ? one : one + " << " + i;
  }

  private static String getter(CborType.Opt o) {
    return switch (o.kind()) {
      case OBJECT -> "get()";
      case INT -> "getAsInt()";
      case LONG -> "getAsLong()";
      case DOUBLE -> "getAsDouble()";
    };
  }

  private static ClassName optionalClass(CborType.Opt o) {
    return switch (o.kind()) {
      case OBJECT -> ClassName.get(Optional.class);
      case INT -> ClassName.get(OptionalInt.class);
      case LONG -> ClassName.get(OptionalLong.class);
      case DOUBLE -> ClassName.get(OptionalDouble.class);
    };
  }

  private static CodeBlock initial(CborType t) {
    if (t instanceof CborType.Opt o) {
      return CodeBlock.of("$T.empty()", optionalClass(o));
    }
    if (t instanceof CborType.Scalar s && s.primitive()) {
      return switch (s.kind()) {
        case BOOL -> CodeBlock.of("false");
        case INT64, UINT32, UINT64 -> CodeBlock.of("0L");
        case FLOAT32 -> CodeBlock.of("0f");
        case FLOAT64 -> CodeBlock.of("0d");
        default -> CodeBlock.of("0");
      };
    }
    return CodeBlock.of("null");
  }
}
